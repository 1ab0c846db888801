package io.agentry.company.reference;

/**
 * A company's size estimated from the category of the accounts it last filed: an upper bound set
 * by law, never a measurement, so it is stored as an estimate with its source. The employee
 * limit is the statutory one; a company qualifies for a size by meeting two of three limits
 * (turnover, balance sheet, employees), so a few exceed it. Null maxima mean no upper limit.
 *
 * @param band the size band ({@code micro}, {@code small}, {@code medium}, {@code dormant})
 * @param source where the estimate comes from, e.g. "accounts category SMALL (Companies Act 2006
 *     thresholds from 6 April 2025)"
 */
public record SizeEstimate(String band, int employeesMin, Integer employeesMax, Long turnoverMaxGbp, String source) {}
