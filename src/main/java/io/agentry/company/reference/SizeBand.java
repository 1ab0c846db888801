package io.agentry.company.reference;

/**
 * A company size band as a search criterion ({@code --size small}): the employee range a company
 * of that band has, and its turnover ceiling. The bands do not overlap: "small" is 11 to 50
 * employees, although in law a micro company is small too. Null maxima mean no upper limit.
 */
public record SizeBand(String name, int employeesMin, Integer employeesMax, Long turnoverMaxGbp, String source) {}
