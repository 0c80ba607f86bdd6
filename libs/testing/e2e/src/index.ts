export { startTestApi, type TestApi, type TestRequest, type TestResponse } from './test-api';
export { newTestUser, type TestUser } from './test-users';
export { bodyRoutes, fillPath, nestedJson, type BodyRoute } from './body-routes';
export { uploadThroughSlot } from './presigned-upload';
