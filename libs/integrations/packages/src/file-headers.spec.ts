import { readFileHeaders } from './file-headers';

describe('readFileHeaders (core get_file_data rules)', () => {
  it('reads a docblock header, case-insensitive, the value to the end of the line', () => {
    const php = `<?php\n/**\n * plugin name:   My Plugin  \n * Version: 1.2.3\n * Requires at least: 6.1\n */\n`;

    expect(readFileHeaders(php, ['Plugin Name', 'Version', 'Requires at least', 'Requires PHP'])).toEqual({
      'Plugin Name': 'My Plugin',
      Version: '1.2.3',
      'Requires at least': '6.1',
      'Requires PHP': null,
    });
  });

  it('cuts a closing comment or PHP tag off the value and reads single-line and # comments', () => {
    expect(readFileHeaders('<?php /* Plugin Name: Inline */ ?>', ['Plugin Name'])).toEqual({
      'Plugin Name': 'Inline',
    });
    expect(readFileHeaders('# Version: 2.0 ?> trailing', ['Version'])).toEqual({ Version: '2.0' });
  });

  it('takes the first occurrence and catches CR-only line endings', () => {
    const css = '/*\rTheme Name: First\rTheme Name: Second\rVersion: 1.0\r*/';

    expect(readFileHeaders(css, ['Theme Name', 'Version'])).toEqual({
      'Theme Name': 'First',
      Version: '1.0',
    });
  });

  it('treats a missing, empty or "0" value as absent, and a header inside other text as no header', () => {
    const php = '<?php\n// Version:\n$x = "Plugin Name: not at line start";\n * Description:0\n';

    expect(readFileHeaders(php, ['Version', 'Plugin Name', 'Description'])).toEqual({
      Version: null,
      'Plugin Name': null,
      Description: null,
    });
  });

  it('matches header names literally (regex characters are not patterns)', () => {
    expect(readFileHeaders(' * Requires.PHP: 8.0\n', ['Requires PHP'])).toEqual({ 'Requires PHP': null });
  });
});
