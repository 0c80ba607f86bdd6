// `npm run lint` (and the static phase of `npm test`): ESLint over apps, libs and tools with
// --max-warnings 0, except the soft line budget (eslint.config.mjs, `lineBudget`): files over it are
// listed as a notice and do not fail. Exits 1 on any error or any other warning.
import { ESLint } from 'eslint';
import path from 'node:path';
import { lineBudget } from '../../eslint.config.mjs';
import { root } from '../local/prepare.mjs';

const BUDGET_RULE = 'budget/max-lines';

const eslint = new ESLint({ cwd: root, overrideConfig: lineBudget });
const results = await eslint.lintFiles(['apps', 'libs', 'tools']);

const overBudget = [];
for (const result of results) {
  const budget = result.messages.filter((message) => message.ruleId === BUDGET_RULE);
  if (budget.length === 0) continue;
  overBudget.push(
    ...budget.map((message) => `  ${path.relative(root, result.filePath)}: ${message.message}`),
  );
  result.messages = result.messages.filter((message) => message.ruleId !== BUDGET_RULE);
  result.warningCount -= budget.length;
}

const formatter = await eslint.loadFormatter('stylish');
const output = await formatter.format(results);
if (output) console.log(output);
if (overBudget.length > 0) {
  console.log(`Over the line budget (a notice, not a failure; split these files):\n${overBudget.join('\n')}`);
}

const failing = results.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
process.exit(failing > 0 ? 1 : 0);
