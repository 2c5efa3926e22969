import type { ReactElement, ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';

interface ChartFrameProps {
  title: string;
  /** Explains the chart beside its title (units, bands, forecast). */
  caption?: ReactNode;
  height?: number;
  /** When true the frame shows `emptyText` instead of an empty plot. */
  isEmpty: boolean;
  emptyText: string;
  children: ReactElement;
}

/**
 * The one wrapper every recharts chart goes through: a titled, labelled figure with a
 * fixed height, a responsive width and an empty state, so no chart is ever a blank box.
 */
export function ChartFrame({ title, caption, height = 220, isEmpty, emptyText, children }: ChartFrameProps) {
  return (
    <figure className="chart" aria-label={title}>
      <figcaption className="chart__caption">
        <span className="chart__title">{title}</span>
        {caption ? <span className="chart__note">{caption}</span> : null}
      </figcaption>
      {isEmpty ? (
        <p className="chart__empty" style={{ height }}>
          {emptyText}
        </p>
      ) : (
        <div className="chart__plot" style={{ height }}>
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
            {children}
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

const HOUR = 3_600_000;

/** Axis ticks for epoch-ms x axes: clock time within a day, day and hour up to a few days, dates beyond. */
export function timeTick(locale: string, spanMs: number): (value: number) => string {
  const format: Intl.DateTimeFormatOptions =
    spanMs <= 36 * HOUR
      ? { hour: '2-digit', minute: '2-digit' }
      : spanMs <= 5 * 24 * HOUR
        ? { day: 'numeric', month: 'short', hour: '2-digit' }
        : { day: 'numeric', month: 'short' };
  return (value) => new Date(value).toLocaleString(locale, format);
}

/** Tooltip heading for an epoch-ms x value: the full local date and time. */
export function timeLabel(locale: string): (value: unknown) => string {
  return (value) => new Date(Number(value)).toLocaleString(locale);
}
