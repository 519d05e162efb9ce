// Jest runs the API as CommonJS without --experimental-vm-modules, where a native
// `import()` fails. @fastify/cookie loads the ESM-only `cookie` package that way, so both are
// compiled to CommonJS for the tests (`import()` becomes `require`).
const ts = require('typescript');

module.exports = {
  process(source, filename) {
    const { outputText } = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        allowJs: true,
        esModuleInterop: true,
      },
    });
    return { code: outputText };
  },
};
