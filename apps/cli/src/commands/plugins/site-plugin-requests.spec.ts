import { EXIT } from '../../runtime/exit-codes';
import { configurePluginBody, installPluginBody, updatePluginBody } from './site-plugin-requests';

describe('site plugin request bodies', () => {
  it('installs the plugin, at a version and inactive only when asked', () => {
    expect(installPluginBody('plg-1', {})).toEqual({ pluginId: 'plg-1' });
    expect(installPluginBody('plg-1', { activate: true })).toEqual({ pluginId: 'plg-1' });
    expect(installPluginBody('plg-1', { version: '1.2.0', activate: false })).toEqual({
      pluginId: 'plg-1',
      version: '1.2.0',
      activate: false,
    });
  });

  it('updates to a version, or to the latest with an empty body', () => {
    expect(updatePluginBody({})).toEqual({});
    expect(updatePluginBody({ version: '1.3.0' })).toEqual({ version: '1.3.0' });
  });

  it('configures with typed values and refuses an empty configuration (usage)', () => {
    expect(configurePluginBody(['focus=bread', 'limit=3', 'enabled=false'])).toEqual({
      configuration: { focus: 'bread', limit: 3, enabled: false },
    });
    expect(() => configurePluginBody([])).toThrow(expect.objectContaining({ exitCode: EXIT.USAGE }));
    expect(() => configurePluginBody(undefined)).toThrow(expect.objectContaining({ exitCode: EXIT.USAGE }));
  });
});
