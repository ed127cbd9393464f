// A project's `testTimeout` is not applied when jest runs several projects: set it here, for
// the tests and their hooks (starting the API and Chromium, whole journeys through several logins).
jest.setTimeout(180_000)
