import { processKind } from './process-tree.rss';

describe('processKind', () => {
  it('names the processes of npm start by what they are', () => {
    expect(processKind(['/usr/bin/node', '/repo/dist/apps/sites-api/src/main.js'])).toBe('sites-api');
    expect(processKind(['node', '--enable-source-maps', 'dist/apps/workers/src/main.js'])).toBe('workers');
    expect(processKind(['/usr/bin/node', 'tools/scripts/start.mjs', '--reset'])).toBe(
      'npm start (orchestrator, local SQS, local cloud)',
    );
    expect(processKind(['/usr/bin/node', '-e', 'setInterval(() => {})'])).toBe('node (watchdog)');
    expect(processKind(['/usr/lib/jvm/bin/java', '-jar', 'DynamoDBLocal.jar'])).toBe('DynamoDB Local (java)');
    expect(processKind(['php', '-q', '-S', '127.0.0.1:8000', '-t', '/srv/wp'])).toBe('php -S (WordPress)');
    expect(processKind(['/usr/sbin/mariadbd', '--datadir=/tmp/x'])).toBe('mariadbd');
  });
});
