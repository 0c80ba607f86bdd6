import { zipPackage, type FixturePackage } from './zip-package';

export interface FixturePlugin extends FixturePackage {
  /** Core's plugin id: `folder/main-file` without `.php`. */
  plugin: string;
  version: string;
}

export const SETTINGS_PLUGIN = 'bbws-fixture-settings/bbws-fixture-settings';
export const SETTINGS_PLUGIN_OPTION = 'bbws_fixture_settings';
export const CONFLICTING_PLUGIN = 'bbws-fixture-conflicting/bbws-fixture-conflicting';

/**
 * A small plugin of our own that keeps its configuration in the option `bbws_fixture_settings`
 * (created on activation, never overwritten). Version 2 also reports its version in a filter.
 */
export function buildSettingsPlugin(version: '1.0.0' | '2.0.0'): FixturePlugin {
  const main = `<?php
/**
 * Plugin Name: BBWS Fixture Settings
 * Description: Test fixture that stores a configuration option.
 * Version: ${version}
 * Requires PHP: 7.4
 */

defined( 'ABSPATH' ) || exit;

const BBWS_FIXTURE_SETTINGS_VERSION = '${version}';

register_activation_hook( __FILE__, 'bbws_fixture_settings_activate' );

function bbws_fixture_settings_activate() {
	add_option( '${SETTINGS_PLUGIN_OPTION}', array( 'greeting' => 'hello', 'createdBy' => BBWS_FIXTURE_SETTINGS_VERSION ) );
}
${version === '2.0.0' ? "\nadd_filter( 'bbws_fixture_settings_version', function () {\n\treturn BBWS_FIXTURE_SETTINGS_VERSION;\n} );\n" : ''}`;
  return {
    ...zipPackage(`bbws-fixture-settings-${version}.zip`, {
      'bbws-fixture-settings/bbws-fixture-settings.php': main,
      'bbws-fixture-settings/readme.txt': `=== BBWS Fixture Settings ===\nStable tag: ${version}\n`,
    }),
    plugin: SETTINGS_PLUGIN,
    version,
  };
}

export const FATAL_SETTINGS_VERSION = '3.0.0';

/**
 * A broken release of the settings fixture (3.0.0): same folder and option, but every front-end page of a
 * site where it is active ends in a PHP fatal error (a call to an undefined function on `template_redirect`),
 * which WordPress answers with HTTP 500. Admin and REST requests still work, so the agent can roll it back.
 */
export function buildFatalSettingsPlugin(): FixturePlugin {
  const version = FATAL_SETTINGS_VERSION;
  const main = `<?php
/**
 * Plugin Name: BBWS Fixture Settings
 * Description: Test fixture release that breaks the front end.
 * Version: ${version}
 * Requires PHP: 7.4
 */

defined( 'ABSPATH' ) || exit;

const BBWS_FIXTURE_SETTINGS_VERSION = '${version}';

register_activation_hook( __FILE__, 'bbws_fixture_settings_activate' );

function bbws_fixture_settings_activate() {
	add_option( '${SETTINGS_PLUGIN_OPTION}', array( 'greeting' => 'hello', 'createdBy' => BBWS_FIXTURE_SETTINGS_VERSION ) );
}

add_action( 'template_redirect', function () {
	bbws_fixture_settings_function_that_does_not_exist();
} );
`;
  return {
    ...zipPackage(`bbws-fixture-settings-${version}.zip`, {
      'bbws-fixture-settings/bbws-fixture-settings.php': main,
      'bbws-fixture-settings/readme.txt': `=== BBWS Fixture Settings ===\nStable tag: ${version}\n`,
    }),
    plugin: SETTINGS_PLUGIN,
    version,
  };
}

/** Declares (header "Conflicts With") that it cannot run on a site where the settings fixture is active. */
export function buildConflictingPlugin(): FixturePlugin {
  const main = `<?php
/**
 * Plugin Name: BBWS Fixture Conflicting
 * Description: Test fixture that declares a conflict with BBWS Fixture Settings.
 * Version: 1.0.0
 * Conflicts With: bbws-fixture-settings
 */

defined( 'ABSPATH' ) || exit;
`;
  return {
    ...zipPackage('bbws-fixture-conflicting-1.0.0.zip', {
      'bbws-fixture-conflicting/bbws-fixture-conflicting.php': main,
    }),
    plugin: CONFLICTING_PLUGIN,
    version: '1.0.0',
  };
}
