// A notes repo as large as a real one grows: the example report (examples/jiedao) over n generated
// activities, in one file or in several, for measuring time and memory at scale (README,
// "Large notes") and for the tests that locate a problem deep in a large file.
// Usage: node scripts/large-notes.mjs DIR N [FILES]   then: plan-report build DIR/2023-h1.yaml
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE = path.join(root, 'examples', 'jiedao');

/** The example's own tags, so that its {{count tag=...}} figures count generated activities too. */
const TAGS = ['学习培训', '会议', '述职', '视察调研', '参观学习', '接待选民', '调研'];
const TITLES = ['视察青奥场馆和新城建设', '组织代表向选民述职', '调研全街旅游工作', '召开代表小组会议', '接待选民来访'];

/** Activity number `i` (0-based) as block YAML, dated within 2023-H1, about 110 bytes like a real one. */
export function activityYaml(i) {
  const month = String(1 + (i % 6)).padStart(2, '0');
  const day = String(1 + (i % 28)).padStart(2, '0');
  return `  - date: 2023-${month}-${day}\n    title: ${TITLES[i % TITLES.length]}（第${i + 1}次）\n    tags: [${TAGS[i % TAGS.length]}]\n    people: ${1 + (i % 40)}\n`;
}

/** The text of an activities file holding activities `from` (inclusive) to `to` (exclusive). */
export function activitiesYaml(from, to) {
  const parts = ['activities:\n'];
  for (let i = from; i < to; i++) parts.push(activityYaml(i));
  return parts.join('');
}

/** Writes the example into `dir` with `count` more activities in `files` files (its own, which its prose names, kept); returns the report's path. */
export function writeLargeNotes(dir, count, files = 1) {
  rmSync(dir, { recursive: true, force: true });
  cpSync(EXAMPLE, dir, { recursive: true });
  const per = Math.ceil(count / files);
  for (let f = 0; f < files; f++) {
    const name = `part-${String(f + 1).padStart(3, '0')}.yaml`;
    writeFileSync(path.join(dir, 'activities', name), activitiesYaml(f * per, Math.min(count, (f + 1) * per)));
  }
  return path.join(dir, '2023-h1.yaml');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, count, files = '1'] = process.argv.slice(2);
  if (!dir || !count) {
    console.error('usage: node scripts/large-notes.mjs DIR N [FILES]');
    process.exit(2);
  }
  console.log(writeLargeNotes(path.resolve(dir), Number(count), Number(files)));
}
