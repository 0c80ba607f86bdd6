/** Checks one option's value; returns what is wrong, or null. `pageSlugs`: the template's pages. */
type OptionRule = (value: unknown, pageSlugs: ReadonlySet<string>) => string | null;

const text =
  (max: number, pattern?: RegExp, shape?: string): OptionRule =>
  (value) => {
    if (typeof value !== 'string') return 'must be a string';
    if (value.length > max) return `must be at most ${max} characters`;
    return pattern && !pattern.test(value) ? `must be ${shape}` : null;
  };

const oneOf =
  (...allowed: string[]): OptionRule =>
  (value) =>
    typeof value === 'string' && allowed.includes(value) ? null : `must be one of ${allowed.join(', ')}`;

const integer =
  (min: number, max: number): OptionRule =>
  (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max
      ? null
      : `must be a whole number from ${min} to ${max}`;

const timezone: OptionRule = (value) => {
  if (typeof value !== 'string' || value.length === 0) return 'must be a time zone name';
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return null;
  } catch {
    return 'must be an IANA time zone such as Europe/Berlin';
  }
};

/** The WordPress options a template may set (WORDPRESS.md), each with its type. */
export const TEMPLATE_OPTION_RULES: Readonly<Record<string, OptionRule>> = {
  blogdescription: text(200),
  show_on_front: oneOf('posts', 'page'),
  page_on_front: (value, pageSlugs) =>
    typeof value === 'string' && pageSlugs.has(value)
      ? null
      : 'must be the slug of one of the template’s pages',
  posts_per_page: integer(1, 100),
  timezone_string: timezone,
  date_format: text(50, /^\S/, 'a PHP date format'),
  time_format: text(50, /^\S/, 'a PHP time format'),
  start_of_week: integer(0, 6),
  permalink_structure: text(200, /^$|^\/[\w%/.-]*$/, 'empty or a path such as /%postname%/'),
  default_comment_status: oneOf('open', 'closed'),
  blog_public: (value) => (typeof value === 'boolean' ? null : 'must be true or false'),
};

export const TEMPLATE_OPTION_NAMES = Object.keys(TEMPLATE_OPTION_RULES);

/** Field errors (`options.<name>`) of a template's options, given its page slugs. */
export function optionErrors(
  options: Readonly<Record<string, unknown>>,
  pageSlugs: ReadonlySet<string>,
): Array<{ field: string; messages: string[] }> {
  const errors = Object.entries(options).flatMap(([name, value]) => {
    const rule = TEMPLATE_OPTION_RULES[name];
    const problem = rule
      ? rule(value, pageSlugs)
      : `is not an allowed option (${TEMPLATE_OPTION_NAMES.join(', ')})`;
    return problem ? [{ field: `options.${name}`, messages: [problem] }] : [];
  });
  if (options['show_on_front'] === 'page' && options['page_on_front'] === undefined)
    errors.push({ field: 'options.page_on_front', messages: ['is required when show_on_front is page'] });
  return errors;
}
