import type { ErrorObject } from 'ajv';
import type { Problem, Procedure } from '../../../preload/api';
import { systemClock } from '../clock';
import { sharedCompiler, type SchemaCompiler } from './ajv';
import { fold } from './fold';
import { asNode, compareKeys, fieldLabel, orderKey, schemasAlong, type JsonSchemaNode } from './schema-walk';
import { unsafeText } from './text-safety';

/**
 * Checks a dossier's e-form against its procedure's JSON Schema and says what is wrong in words a
 * citizen can act on, every problem at once (Mẫu 02: missing items are explained once and completely),
 * in the order the form shows the fields.
 */
export interface ValidateOptions {
  /** "Today" for birth and death dates; the injected clock in the catalogue, the system clock else. */
  now?: Date;
  timeZone?: string;
  compiler?: SchemaCompiler;
}

type Words = { vi: string; en: string };

const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const MAX_DEPTH = 12;

/** The hints people need for the fields whose format they cannot guess. */
const PATTERN_HINTS: Record<string, Words> = {
  idNumber: {
    vi: 'chưa đúng – Số định danh cá nhân gồm đúng 12 chữ số',
    en: 'not valid – the personal ID number is exactly 12 digits',
  },
  phone: {
    vi: 'chưa đúng – số điện thoại gồm 10 chữ số, ví dụ 0912345678',
    en: 'not valid – a phone number has 10 digits, e.g. 0912345678',
  },
};

const FORMAT_HINTS: Record<string, Words> = {
  date: { vi: 'ngày không hợp lệ', en: 'not a valid date' },
  email: { vi: 'địa chỉ thư điện tử không hợp lệ', en: 'not a valid e-mail address' },
  time: { vi: 'giờ không hợp lệ (ví dụ 08:30)', en: 'not a valid time (e.g. 08:30)' },
};

const MISSING: Words = { vi: 'chưa điền', en: 'missing' };
const CHOOSE: Words = { vi: 'chưa chọn một giá trị trong danh sách', en: 'choose one of the options' };

const toPath = (pointer: string): string[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

function valueAt(data: unknown, path: readonly string[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

/** What is wrong, without the field's name; null for keywords that only repeat another error. */
function describe(
  error: ErrorObject,
  path: readonly string[],
  data: unknown,
): { code: string; words: Words } | null {
  const last = path[path.length - 1] ?? '';
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { code: 'form-required', words: MISSING };
    case 'pattern': {
      const hint = PATTERN_HINTS[last];
      return {
        code: 'form-pattern',
        words: hint ?? { vi: 'không đúng định dạng', en: 'not in the expected format' },
      };
    }
    case 'format': {
      const hint = FORMAT_HINTS[String(p.format)];
      return {
        code: 'form-format',
        words: hint ?? { vi: 'không đúng định dạng', en: 'not in the expected format' },
      };
    }
    case 'enum':
    case 'const':
    case 'oneOf':
    case 'anyOf':
      return { code: 'form-choice', words: CHOOSE };
    case 'minLength':
      return Number(p.limit) <= 1
        ? { code: 'form-required', words: MISSING }
        : {
            code: 'form-too-short',
            words: {
              vi: `cần ít nhất ${String(p.limit)} ký tự`,
              en: `at least ${String(p.limit)} characters`,
            },
          };
    case 'maxLength':
      return {
        code: 'form-too-long',
        words: { vi: `dài quá ${String(p.limit)} ký tự`, en: `longer than ${String(p.limit)} characters` },
      };
    case 'minimum':
    case 'exclusiveMinimum':
      return {
        code: 'form-too-small',
        words: { vi: `phải từ ${String(p.limit)} trở lên`, en: `must be at least ${String(p.limit)}` },
      };
    case 'maximum':
    case 'exclusiveMaximum':
      return {
        code: 'form-too-large',
        words: { vi: `không được quá ${String(p.limit)}`, en: `must be at most ${String(p.limit)}` },
      };
    case 'minItems':
      return { code: 'form-required', words: MISSING };
    case 'type': {
      const value = valueAt(data, path);
      if (value === null || value === undefined || value === '')
        return { code: 'form-required', words: MISSING };
      const wanted = String(p.type);
      const what: Words =
        wanted === 'integer' || wanted === 'number'
          ? { vi: 'phải là một số', en: 'must be a number' }
          : { vi: 'giá trị không hợp lệ', en: 'not a valid value' };
      return { code: 'form-type', words: what };
    }
    case 'additionalProperties':
      return {
        code: 'form-unknown-field',
        words: { vi: 'không có trong mẫu tờ khai', en: 'not part of this form' },
      };
    // `if` only says "must match then": the `then` branch's own errors name the fields.
    case 'if':
      return null;
    default:
      return { code: 'form-invalid', words: { vi: 'giá trị không hợp lệ', en: 'not a valid value' } };
  }
}

function localDay(now: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Dates that cannot lie ahead of today: a birth, a death. By key, or by the field's title. */
function isPastOnlyDate(key: string, node: JsonSchemaNode | null): boolean {
  if (!node || node.format !== 'date') return false;
  if (/^(birthDate|deathDate)$/.test(key)) return true;
  const title = typeof node.title === 'string' ? fold(node.title) : '';
  return /\bngay( thang nam)? (sinh|chet|mat)\b/.test(title);
}

interface Found {
  path: string[];
  code: string;
  words: Words;
}

/** Markup, control characters, and birth/death dates after today, anywhere in the data. */
function extraChecks(root: JsonSchemaNode, data: unknown, today: string): Found[] {
  const found: Found[] = [];
  const visit = (value: unknown, path: string[]): void => {
    if (path.length > MAX_DEPTH) return;
    if (typeof value === 'string') {
      const unsafe = unsafeText(value);
      if (unsafe === 'markup') {
        found.push({
          path,
          code: 'form-markup',
          words: {
            vi: 'không được chứa mã hoặc thẻ HTML (ký tự < >), chỉ nhập chữ và số',
            en: 'must not contain code or HTML tags (< >); type plain text only',
          },
        });
      } else if (unsafe === 'control') {
        found.push({
          path,
          code: 'form-control-chars',
          words: { vi: 'chứa ký tự điều khiển không in được', en: 'contains invisible control characters' },
        });
      }
      const key = path[path.length - 1] ?? '';
      if (/^\d{4}-\d{2}-\d{2}$/.test(value) && value > today) {
        const node = schemasAlong(root, path)[path.length] ?? null;
        if (isPastOnlyDate(key, node)) {
          found.push({
            path,
            code: 'form-future-date',
            words: { vi: 'không được sau ngày hôm nay', en: 'cannot be later than today' },
          });
        }
      }
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, String(i)]));
    else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
    }
  };
  visit(data, []);
  return found;
}

export function validateForm(procedure: Procedure, data: unknown, options: ValidateOptions = {}): Problem[] {
  const root = procedure.form.schema as JsonSchemaNode;
  const uiSchema = (asNode(procedure.form.uiSchema) ?? {}) as JsonSchemaNode;
  const validate = (options.compiler ?? sharedCompiler).compile(root);
  const today = localDay(options.now ?? systemClock.now(), options.timeZone ?? DEFAULT_TIME_ZONE);

  const found: Found[] = [];
  if (!validate(data)) {
    for (const error of validate.errors ?? []) {
      const base = toPath(error.instancePath);
      const p = error.params as Record<string, unknown>;
      const path =
        error.keyword === 'required'
          ? [...base, String(p.missingProperty)]
          : error.keyword === 'additionalProperties'
            ? [...base, String(p.additionalProperty)]
            : base;
      const d = describe(error, path, data);
      if (d) found.push({ path, ...d });
    }
  }
  found.push(...extraChecks(root, data, today));

  // One line per field and message: oneOf/const/enum all say "choose one"; a required string that is
  // empty fails both required-ish keywords.
  const seen = new Set<string>();
  const unique = found.filter((f) => {
    const key = `${f.path.join('.')}|${f.words.vi}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const keyed = unique.map((f) => ({ f, key: orderKey(root, uiSchema, f.path) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));

  return keyed.map(({ f }) => {
    const label = fieldLabel(root, f.path);
    const problem: Problem = {
      code: f.code,
      vi: `${label.vi}: ${f.words.vi}`,
      en: `${label.en}: ${f.words.en}`,
    };
    if (f.path.length > 0) problem.field = f.path.join('.');
    return problem;
  });
}
