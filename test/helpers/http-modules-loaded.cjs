// Preloaded with `node --require` by test/integration/cli.test.ts: says on stderr, as the process exits,
// which of Node's own HTTP modules it loaded ("none" when none).
process.on('exit', () => {
  const loaded = process.moduleLoadList.filter((entry) => /^NativeModule (https?|_http_\w+)$/.test(entry)).map((entry) => entry.slice('NativeModule '.length));
  process.stderr.write(`http modules loaded: ${loaded.join(' ') || 'none'}\n`);
});
