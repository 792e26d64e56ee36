// Session ids are UUIDs: anything else cannot exist, so the session pages do not ask the API.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isSessionId = (value: string) => UUID.test(value);
