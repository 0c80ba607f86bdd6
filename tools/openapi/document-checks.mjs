// Checks of an OpenAPI document that Redocly's rules do not make, the SDK's types depend on them.
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function resolve(document, object) {
  const ref = object?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return object;
  return ref
    .slice(2)
    .split('/')
    .reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
}

/**
 * Every 2xx answer but 204 must describe its body with a schema: an answer without one types as `unknown`
 * (or `never`) in the generated SDK. Returns one line per undescribed answer, e.g. `GET /v1.0/x 200`.
 */
export function undescribedAnswers(document) {
  const problems = [];
  for (const [route, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      for (const [status, answer] of Object.entries(item[method]?.responses ?? {})) {
        if (!/^2/.test(status) || status === '204') continue;
        const media = Object.values(resolve(document, answer)?.content ?? {});
        if (!media.some((type) => type?.schema)) {
          problems.push(
            `${method.toUpperCase()} ${route} ${status} answers a body its document does not describe`,
          );
        }
      }
    }
  }
  return problems;
}
