import { ESLint } from 'eslint';
import path from 'path';

/** The architecture rule is only worth having if the linter really refuses a bad import. */
describe('src/domain purity lint rule', () => {
  const eslint = new ESLint({ cwd: path.resolve(__dirname, '..', '..') });
  const lintAs = (file: string, code: string) => eslint.lintText(code, { filePath: path.resolve(__dirname, '..', '..', file) });

  it.each([
    ["import Taro from '@tarojs/taro';", 'no Taro'],
    ["import { useState } from 'react';", 'no React'],
    ["import { create } from 'zustand';", 'no zustand'],
    ["import * as cloud from 'wx-server-sdk';", 'no wx-server-sdk'],
  ])('refuses %s in src/domain', async (line, message) => {
    const [result] = await lintAs('src/domain/example.ts', `${line}\nexport const x = 1;\n`);
    const messages = result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
    expect(messages.join('\n')).toContain(message);
  });

  it('allows the same import outside src/domain', async () => {
    const [result] = await lintAs('src/services/example.ts', "import Taro from '@tarojs/taro';\nexport const x = Taro;\n");
    expect(result.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
  });
});
