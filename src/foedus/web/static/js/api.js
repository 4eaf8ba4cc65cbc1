// The REST API client: the UI talks to the server only through these calls.

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

function url(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

async function answer(response) {
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

const memo = new Map();

/** GET a JSON resource; answers are memoised per URL (the data are immutable per date). */
export function get(path, params) {
  const key = url(path, params);
  if (!memo.has(key)) {
    const promise = fetch(key, { headers: { Accept: "application/json" } }).then(answer);
    promise.catch(() => memo.delete(key));
    memo.set(key, promise);
  }
  return memo.get(key);
}

/** POST a JSON body. */
export async function post(path, params, body) {
  const response = await fetch(url(path, params), {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  return answer(response);
}
