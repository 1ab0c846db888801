-- Discovery's best-first search (docs/discovery.md). A company's fit to a goal depends, beyond the
-- industry and place filters, on its size estimate (the same for every company of one accounts
-- size band), its filings and its age. The search takes the size bands best first and, within a
-- band, active companies oldest first, stopping as soon as it holds enough companies that no
-- later one can beat: it reads a few hundred rows, not every company of the industry.
--
-- Within one band all rows share one estimate, so (size_band, employees_min, employees_max,
-- turnover_max_gbp) pinned to a band orders its rows by incorporation date. Only active companies
-- are ever discovered, hence the partial index.
CREATE INDEX companies_discovery
    ON companies (size_band, employees_min, employees_max, turnover_max_gbp, incorporation_date)
    WHERE status = 'Active';

-- Companies whose headcount or turnover is known (from enrichment) fit a goal by those figures,
-- not by their band's estimate, so the search reads them apart. They are few: the ones some
-- stream's enrichment has reached.
CREATE INDEX companies_measured_size
    ON companies (id)
    WHERE status = 'Active' AND (employee_count IS NOT NULL OR revenue_estimate_gbp IS NOT NULL);
