import { conflictReplacements } from './plugin-conflicts.rules';

const side = (pluginId: string, conflictsWith: string[] = [], version = 1) => ({
  pluginId,
  conflictsWith,
  version,
});

describe('conflictReplacements', () => {
  it('adds the plugin to the new ones, removes it from the dropped ones, and leaves the rest alone', () => {
    const kept = side('kept', ['plugin']);
    const dropped = side('dropped', ['plugin', 'kept']);
    const added = side('added', [], 4);
    const plugin = side('plugin', ['kept', 'dropped'], 3);
    expect(conflictReplacements(plugin, ['kept', 'added', 'added'], [kept, dropped, added])).toEqual([
      { plugin: side('plugin', ['kept', 'added'], 3), expectedVersion: 3 },
      { plugin: side('dropped', ['kept']), expectedVersion: 1 },
      { plugin: side('added', ['plugin'], 4), expectedVersion: 4 },
    ]);
  });

  it('clears every conflict on both sides', () => {
    const replacements = conflictReplacements(side('plugin', ['other']), [], [side('other', ['plugin'])]);
    expect(replacements.map((r) => r.plugin.conflictsWith)).toEqual([[], []]);
  });
});
