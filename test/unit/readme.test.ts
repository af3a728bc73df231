import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventNames, methodNames, methods } from '../../preload/api';
import { ConfigSchema } from '../../main/core/config/schema';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README', () => {
  it('documents every contract method with its access, and every event', () => {
    for (const name of methodNames) {
      expect(readme, name).toMatch(
        new RegExp(`\\| \`${name.replace('.', '\\.')}\` \\| ${methods[name].access} \\|`),
      );
    }
    for (const name of eventNames) expect(readme).toContain(`\`${name}\``);
  });

  it('documents every top-level configuration field', () => {
    for (const key of Object.keys(ConfigSchema.shape)) expect(readme, key).toContain(`\`${key}`);
  });

  it('gives the test command CI runs', () => {
    const ci = readFileSync(join(__dirname, '..', '..', '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/^npm test$/m);
    expect(readme).toContain('npm ci && npm test');
  });
});
