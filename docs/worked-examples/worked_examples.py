#!/usr/bin/env python3
"""Worked examples of the scores of SCANNER.md section 3, computed independently of the Java code.

Reads the raw CSV files (Yahoo download format and fundamentals.csv) and prints, for every case,
each step of the formulas, then a table whose rows are pasted into the @CsvSource tables of
WorkedExampleScoresTest (real data) and WorkedExampleFixtureTest (project fixtures).

Usage (from the project folder):
    python3 docs/worked-examples/worked_examples.py ../shared/market-data \
        src/test/resources/scoring/fixture > docs/worked-examples/worked_examples.txt

Standard library only. Arithmetic is IEEE double (Python float), like the Java code; the final
rounding is HALF-UP on the exact binary value (Decimal(float)), never Python's round().
"""

import csv
import datetime
import math
import os
import sys
from decimal import ROUND_HALF_UP, Decimal

WINDOW_DAYS = {"short": 90, "medium": 180, "long": 365}
MOMENTUM_BARS = {"short": 20, "medium": 60, "long": 90}
# momentum / value / diversification
WEIGHTS = {"short": (0.50, 0.20, 0.30), "medium": (0.40, 0.30, 0.30), "long": (0.30, 0.40, 0.30)}
TRADING_DAYS_PER_YEAR = 252
BENCHMARK = "SPY"


def clip(x):
    return max(0.0, min(100.0, x))


def half_up(x, places):
    return Decimal(x).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)


def near_rounding_boundary(x, places):
    """True when x is so close to a HALF-UP boundary that a different operation order could flip it."""
    scaled = x * 10 ** places
    return abs(scaled - math.floor(scaled) - 0.5) < 1e-6


def parse_number(text):
    text = (text or "").strip()
    if text == "" or text.lower() in ("null", "nan"):
        return None
    return float(text)


class Data:
    """A folder in the CSV-folder format: {dir}/{SYMBOL}.csv or {dir}/ohlcv/{SYMBOL}.csv + fundamentals.csv."""

    def __init__(self, folder):
        self.folder = folder
        self._bars = {}
        self._fundamentals = None

    def bars(self, symbol):
        """All (date, scoring close) of a symbol, oldest first. Adj Close when present, else Close."""
        if symbol not in self._bars:
            path = os.path.join(self.folder, symbol + ".csv")
            if not os.path.isfile(path):
                path = os.path.join(self.folder, "ohlcv", symbol + ".csv")
            rows = []
            with open(path, newline="", encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    close = parse_number(row.get("Close"))
                    if close is None or close <= 0:
                        continue  # a bar without a close is skipped
                    adj = parse_number(row.get("Adj Close"))
                    rows.append((datetime.date.fromisoformat(row["Date"].strip()), adj if adj is not None else close))
            self._bars[symbol] = rows
        return self._bars[symbol]

    def fundamentals(self, symbol):
        """(trailing_pe, forward_pe, peg, yield), or None when the symbol has no row."""
        if self._fundamentals is None:
            self._fundamentals = {}
            path = os.path.join(self.folder, "fundamentals.csv")
            with open(path, newline="", encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    self._fundamentals[row["symbol"].strip().upper()] = (
                        parse_number(row["trailing_pe"]), parse_number(row["forward_pe"]),
                        parse_number(row["peg_ratio"]), parse_number(row["dividend_yield"]))
        return self._fundamentals.get(symbol.upper())


def window(bars, as_of, window_days):
    start = as_of - datetime.timedelta(days=window_days)
    return start, [(d, c) for d, c in bars if start <= d <= as_of]


def mean(values):
    return sum(values) / len(values)


def score_case(data, symbol, horizon, as_of, out, with_benchmark=True):
    p = lambda *a: print(*a, file=out)
    days = WINDOW_DAYS[horizon]
    start, win = window(data.bars(symbol), as_of, days)
    p(f"=== {symbol} {horizon} as-of {as_of} ({as_of.strftime('%A')})"
      f"{'' if with_benchmark else ', NO BENCHMARK (empty history)'} ===")
    p(f"window {start} ({start.strftime('%a')}) .. {as_of}, both inclusive ({days} calendar days)")
    bars = len(win)
    p(f"bars in window: {bars}")
    if bars == 0:
        p("no bar in the window -> UNSCORED")
        p("")
        return {"symbol": symbol, "horizon": horizon, "as_of": as_of, "unscored": True,
                "benchmark": with_benchmark}
    closes = [c for _, c in win]
    p(f"first bar {win[0][0]} close {win[0][1]!r}   (first bar on the start date: {win[0][0] == start})")
    p(f"last bar  {win[-1][0]} close[-1] {closes[-1]!r}")

    # --- Momentum ---
    components = []
    if bars >= 20:
        pb = min(MOMENTUM_BARS[horizon], bars)
        ret = (closes[-1] / closes[-pb] - 1) * 100
        price = clip(50 + ret * 50 / 30)
        p(f"price momentum: p = min({MOMENTUM_BARS[horizon]}, {bars}) = {pb}; close[-{pb}] = {closes[-pb]!r} ({win[-pb][0]})")
        p(f"  ret = ({closes[-1]!r} / {closes[-pb]!r} - 1) * 100 = {ret!r}")
        p(f"  score = clip(50 + ret*50/30) = {price!r}")
        components.append(price)
    else:
        p(f"price momentum: n/a (bars {bars} < 20)")
    if bars >= 15:
        changes = [closes[i] - closes[i - 1] for i in range(bars - 14, bars)]
        gains = sum(c for c in changes if c > 0)
        losses = sum(-c for c in changes if c < 0)
        avg_gain, avg_loss = gains / 14, losses / 14
        if avg_loss == 0:
            rsi = 100.0
        else:
            rsi = 100 - 100 / (1 + avg_gain / avg_loss)
        rsi_score = clip(50 + (50 - rsi) * 2.5) if rsi < 50 else clip(50 - (rsi - 50) * 2.5)
        p(f"RSI-14: last 14 changes from {win[-15][0]} to {win[-1][0]}:")
        p("  " + ", ".join(f"{c:+.6f}" for c in changes))
        p(f"  sum gains = {gains!r}, sum losses = {losses!r}")
        p(f"  avgGain = {avg_gain!r}, avgLoss = {avg_loss!r}")
        p(f"  rsi = {rsi!r} -> score {rsi_score!r}")
        components.append(rsi_score)
    else:
        p(f"RSI-14: n/a (bars {bars} < 15)")
    _, bench_win = window(data.bars(BENCHMARK), as_of, days) if with_benchmark else (None, [])
    bench = [c for _, c in bench_win]
    n = min(bars, len(bench))
    if bench and n >= 20:
        own_ret = (closes[-1] / closes[-n] - 1) * 100
        bench_ret = (bench[-1] / bench[-n] - 1) * 100
        rs = own_ret - bench_ret
        rs_score = clip(50 + rs * 50 / 15)
        p(f"relative strength: benchmark bars {len(bench)}, n = min({bars}, {len(bench)}) = {n}")
        p(f"  own   close[-{n}] {closes[-n]!r} ({win[-n][0]}) -> ret {own_ret!r}")
        p(f"  bench bench[-{n}] {bench[-n]!r} ({bench_win[-n][0]}) .. bench[-1] {bench[-1]!r} -> ret {bench_ret!r}")
        p(f"  rs = {rs!r} -> score {rs_score!r}")
        components.append(rs_score)
    else:
        p(f"relative strength: n/a (benchmark bars {len(bench)}, n = {n} < 20)")
    momentum = mean(components) if components else 50.0
    p(f"MOMENTUM = mean{tuple(components)} = {momentum!r}" if components else "MOMENTUM = 50 (no component)")

    # --- Value ---
    fundamentals = data.fundamentals(symbol)
    value_parts = []
    if fundamentals is None:
        p("fundamentals: no row (Fundamentals.none)")
    else:
        trailing, forward, peg, dividend = fundamentals
        p(f"fundamentals: trailing_pe {trailing}, forward_pe {forward}, peg {peg}, yield {dividend}")
        pe = next((x for x in (trailing, forward) if x is not None and x > 0), None)
        if pe is not None:
            pe_score = clip(50 + (20 - pe) * 5) if pe <= 20 else clip(50 - (pe - 20) * 2.5)
            p(f"  P/E {pe!r} -> {pe_score!r}")
            value_parts.append(pe_score)
        else:
            p("  P/E: n/a")
        if peg is not None and peg > 0:
            if peg <= 1:
                peg_score = 100.0
            elif peg <= 2:
                peg_score = 100 - (peg - 1) * 50
            else:
                peg_score = 50 - min((peg - 2) * 25, 50)
            p(f"  PEG {peg!r} -> {peg_score!r}")
            value_parts.append(peg_score)
        else:
            p("  PEG: n/a")
        if dividend is not None and dividend > 0:
            yield_score = clip(dividend * 100 * 25)
            p(f"  yield {dividend!r} -> clip(yield*100*25) = {yield_score!r}")
            value_parts.append(yield_score)
        else:
            p("  yield: n/a")
    value = mean(value_parts) if value_parts else 50.0
    p(f"VALUE = mean{tuple(value_parts)} = {value!r}" if value_parts else "VALUE = 50 (no component)")

    # --- Diversification ---
    returns = [closes[i] / closes[i - 1] - 1 for i in range(1, bars)]
    volatility = None
    if bars < 20 or len(returns) < 10:
        diversification = 50.0
        p(f"DIVERSIFICATION = 50 (bars {bars}, returns {len(returns)}); volatility null")
    else:
        m = mean(returns)
        variance = sum((r - m) ** 2 for r in returns) / (len(returns) - 1)
        volatility = math.sqrt(variance) * math.sqrt(TRADING_DAYS_PER_YEAR)
        diversification = clip(50 + (0.15 - volatility) * 600) if volatility <= 0.15 \
            else clip(50 - (volatility - 0.15) * 300)
        p(f"daily returns {len(returns)}, mean {m!r}, sample variance {variance!r}")
        p(f"  vol = stdev * sqrt(252) = {volatility!r}")
        p(f"DIVERSIFICATION = {diversification!r}")

    # --- Composite and confidence ---
    wm, wv, wd = WEIGHTS[horizon]
    composite = wm * momentum + wv * value + wd * diversification
    p(f"COMPOSITE = {wm}*{momentum!r} + {wv}*{value!r} + {wd}*{diversification!r} = {composite!r}")
    expected_bars = round(days * TRADING_DAYS_PER_YEAR / 365)
    ratio = min(bars / expected_bars, 1)
    confidence = half_up(ratio, 2)
    p(f"CONFIDENCE = min({bars} / round({days}*252/365 = {days * 252 / 365!r}) = {expected_bars}, 1)"
      f" = {ratio!r} -> {confidence}")
    result = {
        "symbol": symbol, "horizon": horizon, "as_of": as_of, "unscored": False,
        "momentum": half_up(momentum, 1), "value": half_up(value, 1),
        "diversification": half_up(diversification, 1), "composite": half_up(composite, 1),
        "confidence": confidence, "bars": bars, "volatility": volatility, "benchmark": with_benchmark,
    }
    for name, raw in (("momentum", momentum), ("value", value), ("diversification", diversification),
                      ("composite", composite)):
        if near_rounding_boundary(raw, 1):
            p(f"WARNING: {name} {raw!r} is within 1e-6 of a rounding boundary")
    p(f"rounded: momentum {result['momentum']}, value {result['value']}, diversification "
      f"{result['diversification']}, composite {result['composite']}, confidence {confidence}")
    p("")
    return result


def csv_row(r):
    head = f"{r['symbol']}, {r['horizon']}, {r['as_of']}"
    if not r["benchmark"]:
        head += " (no benchmark)"
    if r["unscored"]:
        return head + ", UNSCORED"
    vol = "null" if r["volatility"] is None else repr(r["volatility"])
    return (f"{head}, {r['momentum']}, {r['value']}, {r['diversification']}, {r['composite']}, "
            f"{r['confidence']}, {r['bars']}, {vol}")


def run(title, data, cases, out):
    print(f"##### {title}: {data.folder}", file=out)
    print("", file=out)
    results = [score_case(data, *case, out=out) if len(case) == 3
               else score_case(data, *case[:3], out=out, with_benchmark=case[3]) for case in cases]
    print(f"##### Table ({title}): symbol, horizon, asOf, momentum, value, diversification, composite, "
          "confidence, dataPoints, volatility", file=out)
    for r in results:
        print(csv_row(r), file=out)
    print("", file=out)


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: worked_examples.py MARKET_DATA_DIR [FIXTURE_DIR]")
    out = sys.stdout
    d = datetime.date
    real_cases = []
    for symbol in ("AAPL", "XLF", "JPM", "XOM", "TSLA", "KO"):
        for horizon in ("short", "medium", "long"):
            real_cases.append((symbol, horizon, d(2022, 12, 5)))
    real_cases += [
        ("XLK", "medium", d(2022, 12, 5)),    # ETF: empty fundamentals row -> value 50
        ("NVDA", "long", d(2022, 12, 5)),     # yield 0.0003 -> tiny yield component
        ("BA", "short", d(2022, 12, 5)),      # no P/E, no yield -> value 50
        ("XLC", "short", d(2018, 7, 10)),     # 15 bars: RSI only, no price momentum, no RS
        ("XLC", "long", d(2018, 7, 10)),
        ("XLC", "short", d(2018, 6, 29)),     # 9 bars: no momentum component at all
        ("XLC", "long", d(2018, 8, 15)),      # 41 bars: p = bars, n = bars (benchmark has more)
        ("AAPL", "short", d(2022, 12, 4)),    # Sunday as-of
        ("AAPL", "medium", d(2022, 12, 4)),
        ("AAPL", "long", d(2022, 12, 4)),
    ]
    run("Real data", Data(argv[1]), real_cases, out)
    if len(argv) > 2:
        fixture_cases = [
            ("FIXA", "short", d(2024, 2, 12)),
            ("FIXA", "medium", d(2024, 2, 12)),
            ("FIXA", "long", d(2024, 2, 12)),
            ("FIXA", "short", d(2024, 2, 5)),     # later bars in the history must be ignored
            ("FIXB", "short", d(2024, 2, 12)),    # no Adj Close: Close used; forward P/E only
            ("FIXC", "medium", d(2024, 2, 12)),   # 16 bars; negative trailing P/E -> forward
            ("FLAT", "short", d(2024, 2, 12)),    # constant price: RSI 100, vol 0; no fundamentals row
            ("FIXA", "short", d(2024, 2, 12), False),  # empty benchmark: no relative strength
            ("FIXA", "short", d(2024, 6, 1)),     # window after the last bar: no bar -> unscored
            ("FIXA", "long", d(2023, 12, 31)),    # as-of before the first bar -> unscored
        ]
        run("Fixture", Data(argv[2]), fixture_cases, out)


if __name__ == "__main__":
    main(sys.argv)
