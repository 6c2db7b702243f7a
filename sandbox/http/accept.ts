// Whether a request's Accept header allows the only format the platform answers in, JSON. An Accept that
// does not gets 406 (OAS NOT_ACCEPTABLE_406_*), the way a content-negotiating server refuses it.

/** True when `accept` is absent or one of its media ranges covers application/json with a q-value above 0. */
export function acceptsJson(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) return false;
    return type === 'application/json' || type === 'application/*' || type === '*/*';
  });
}
