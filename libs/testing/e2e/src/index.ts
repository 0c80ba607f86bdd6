export { MutableClock } from './mutable-clock';
export { startTestApi, type TestApi, type TestRequest, type TestResponse } from './test-api';
export { testDynamoContext } from './test-dynamo';
export { newTestUser, type TestUser } from './test-users';
export { bodyRoutes, fillPath, nestedJson, type BodyRoute } from './body-routes';
