module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '/node_modules/(@fastify/cookie|cookie)/.+\\.js$': '<rootDir>/test/support/esm-to-commonjs.cjs',
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@fastify/cookie|cookie)/)'],
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/apps/api',
  // Each file starts a real API on a real database; on a busy 2-core machine that takes seconds.
  testTimeout: 30_000,
};
