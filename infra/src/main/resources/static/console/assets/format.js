import { lang } from './i18n.js';

const ZONE = 'Asia/Seoul';

// Whole won with thousands separators: 12,000원 (ko) or ₩12,000 (en).
export function won(amount) {
  if (amount === null || amount === undefined || amount === '') return '–';
  const digits = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 0 }).format(amount);
  return lang() === 'ko' ? `${digits}원` : `₩${digits}`;
}

export function count(value) {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat('ko-KR').format(value);
}

// An instant as Seoul's wall clock, e.g. 2026-11-25 14:03:22 KST.
export function time(instant) {
  if (!instant) return '–';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return String(instant);
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(date).map(part => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} KST`;
}

// Today's date in Seoul, yyyy-mm-dd, shifted by some days.
export function seoulDate(offsetDays = 0) {
  const shifted = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(shifted);
}

// The first instant of a Seoul date (yyyy-mm-dd), as ISO-8601 with its +09:00 offset.
export function startOfSeoulDay(date) {
  return `${date}T00:00:00+09:00`;
}

export function nextDay(date) {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return next.toISOString().slice(0, 10);
}

export function percent(ratio) {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '–';
  return `${(ratio * 100).toFixed(1)}%`;
}
