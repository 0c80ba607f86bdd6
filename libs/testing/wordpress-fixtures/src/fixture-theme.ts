import { zipPackage, type FixturePackage } from './zip-package';

export interface FixtureTheme extends FixturePackage {
  stylesheet: string;
  version: string;
}

export const FIXTURE_THEME = 'bbws-fixture-theme';

/** A minimal classic theme. */
export function buildFixtureTheme(): FixtureTheme {
  const style = `/*
Theme Name: BBWS Fixture Theme
Description: Test fixture theme.
Version: 1.0.0
Requires PHP: 7.4
*/
body { font-family: sans-serif; }
`;
  const index = `<?php
defined( 'ABSPATH' ) || exit;
?><!doctype html>
<html <?php language_attributes(); ?>>
<head><meta charset="<?php bloginfo( 'charset' ); ?>"><?php wp_head(); ?></head>
<body <?php body_class(); ?>>
<h1 class="bbws-fixture-theme"><?php bloginfo( 'name' ); ?></h1>
<?php
while ( have_posts() ) {
	the_post();
	the_title( '<h2>', '</h2>' );
	the_content();
}
wp_footer();
?>
</body>
</html>
`;
  return {
    ...zipPackage('bbws-fixture-theme-1.0.0.zip', {
      [`${FIXTURE_THEME}/style.css`]: style,
      [`${FIXTURE_THEME}/index.php`]: index,
      [`${FIXTURE_THEME}/functions.php`]:
        "<?php\ndefined( 'ABSPATH' ) || exit;\nadd_theme_support( 'title-tag' );\n",
    }),
    stylesheet: FIXTURE_THEME,
    version: '1.0.0',
  };
}
