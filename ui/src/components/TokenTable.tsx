import { useEffect, useMemo, useRef, useState } from "react";
import { useApp } from "../app/context";
import { baseUnitDoubt, percent, px, SCALE_ORDER, TYPES, visibleTokens, type SortKey } from "../app/format";

export const ROW_HEIGHT = 34;
const OVERSCAN = 8;

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: "value", label: "Value" },
  { key: "scale", label: "Scale" },
  { key: "type", label: "Type" },
  { key: "name", label: "Name" },
  { key: "uses", label: "Uses" },
  { key: "confidence", label: "Confidence" },
];

function Filters() {
  const f = useApp((s) => s.filters);
  const setFilters = useApp((s) => s.setFilters);
  return (
    <div className="filters" role="search">
      <input
        id="token-search"
        type="search"
        aria-label="Search tokens by name or context"
        placeholder="Search (/)"
        value={f.search}
        onChange={(e) => setFilters({ search: e.target.value })}
      />
      <select aria-label="Filter by type" value={f.type} onChange={(e) => setFilters({ type: e.target.value })}>
        <option value="">All types</option>
        {TYPES.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <select aria-label="Filter by scale" value={f.scale} onChange={(e) => setFilters({ scale: e.target.value })}>
        <option value="">All scales</option>
        {SCALE_ORDER.filter((s) => s !== "none").map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <select aria-label="Filter by grid" value={f.grid} onChange={(e) => setFilters({ grid: e.target.value as "all" | "on" | "off" })}>
        <option value="all">On and off grid</option>
        <option value="on">On grid</option>
        <option value="off">Off grid</option>
      </select>
      <select aria-label="Minimum confidence" value={String(f.minConfidence)} onChange={(e) => setFilters({ minConfidence: Number(e.target.value) })}>
        <option value="0">Any confidence</option>
        <option value="0.5">≥ 50 %</option>
        <option value="0.8">≥ 80 %</option>
      </select>
    </div>
  );
}

export function TokenTable() {
  const current = useApp((s) => s.current);
  const filters = useApp((s) => s.filters);
  const sort = useApp((s) => s.sort);
  const descending = useApp((s) => s.descending);
  const sortBy = useApp((s) => s.sortBy);
  const selected = useApp((s) => s.selected);
  const select = useApp((s) => s.select);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  const tokens = current?.library.tokens;
  const rows = useMemo(() => visibleTokens(tokens ?? [], filters, sort, descending), [tokens, filters, sort, descending]);

  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight || 600));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const total = tokens?.length ?? 0;

  const move = (delta: number) => {
    if (rows.length === 0) return;
    const i = rows.findIndex((t) => t.value_px === selected);
    const next = Math.min(rows.length - 1, Math.max(0, i < 0 ? 0 : i + delta));
    select(rows[next]?.value_px ?? null);
    const el = scroller.current;
    if (el) {
      const top = next * ROW_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
    }
  };

  return (
    <section className="tokens-pane" aria-label="Tokens">
      <Filters />
      <div className="token-count muted small" id="token-count">
        {rows.length === total ? `${total} tokens` : `${rows.length} of ${total} tokens`}
        {total > 0 && current?.library.statistics.base_unit != null && ` · base unit ${px(current.library.statistics.base_unit)} px (${percent(current.library.statistics.base_unit_confidence)})`}
        {total > 0 && current?.base_unit_runner_up && (
          <span className="doubt" id="base-unit-doubt">
            {baseUnitDoubt(current.base_unit_runner_up)}
          </span>
        )}
      </div>
      <div className="token-grid" role="grid" aria-label="Token list" aria-rowcount={rows.length + 1}>
        <div className="token-row header" role="row">
          {COLUMNS.map((c) => (
            <span role="columnheader" key={c.key} aria-sort={sort === c.key ? (descending ? "descending" : "ascending") : "none"}>
              <button className="sort" onClick={() => sortBy(c.key)}>
                {c.label}
                {sort === c.key ? (descending ? " ↓" : " ↑") : ""}
              </button>
            </span>
          ))}
        </div>
        <div
          className="token-scroller"
          ref={scroller}
          tabIndex={0}
          aria-label="Tokens, use arrow keys to move"
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              move(1);
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              move(-1);
            }
          }}
        >
          <div style={{ height: rows.length * ROW_HEIGHT, position: "relative" }}>
            {rows.slice(first, last).map((t, k) => {
              const i = first + k;
              return (
                <div
                  key={`${t.value_px}-${t.name}`}
                  role="row"
                  aria-rowindex={i + 2}
                  aria-selected={t.value_px === selected}
                  data-token={t.name}
                  className={`token-row${t.value_px === selected ? " selected" : ""}${t.is_grid_compliant ? "" : " off-grid"}`}
                  style={{ transform: `translateY(${i * ROW_HEIGHT}px)` }}
                  onClick={() => select(t.value_px)}
                >
                  <span role="gridcell" className="num">
                    {px(t.value_px)} px <span className="muted">{px(t.value_rem)} rem</span>
                  </span>
                  <span role="gridcell">{t.scale}</span>
                  <span role="gridcell">{t.spacing_type}</span>
                  <span role="gridcell" className="name">
                    {t.name}
                  </span>
                  <span role="gridcell" className="num">
                    {t.occurrence_count}
                  </span>
                  <span role="gridcell" className="num">
                    {percent(t.confidence)}
                  </span>
                </div>
              );
            })}
          </div>
          {rows.length === 0 && <p className="empty muted">{total === 0 ? "No tokens yet: drop screenshots on the window, or press Ctrl+O." : "No token matches these filters."}</p>}
        </div>
      </div>
    </section>
  );
}
