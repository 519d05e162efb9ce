/** Tests that start built API processes: two instances on PostgreSQL, and the SQLite copy. */
module.exports = {
  displayName: 'api-cluster',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test-cluster/**/*.cluster-test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  testTimeout: 60_000,
};
