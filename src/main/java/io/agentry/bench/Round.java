package io.agentry.bench;

/** Rounding for the report: seconds to the microsecond, rates to a tenth. */
final class Round {
    private Round() {}

    static double seconds(long micros) {
        return micros / 1e6;
    }

    static double rate(double count, long micros) {
        return micros <= 0 ? 0 : Math.round(count * 1e7 / micros) / 10.0;
    }
}
