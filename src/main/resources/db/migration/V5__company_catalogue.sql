-- The company catalogue: UK companies from the Companies House snapshot, shared by every org.
-- The snapshot owns the registry columns (an import overwrites them); enrichment owns the rest (an
-- import never touches them). See docs/catalogue.md.
CREATE TABLE companies (
    -- Ids are handed out 1,000 at a time: one sequence update per row would cost a bulk load more
    -- than the rest of the row's insert.
    id                                  bigint GENERATED ALWAYS AS IDENTITY (CACHE 1000) PRIMARY KEY,
    company_number                      text NOT NULL,
    -- From the snapshot.
    name                                text NOT NULL,
    status                              text,
    company_type                        text,
    incorporation_date                  date,
    dissolution_date                    date,
    sic_codes                           text[] NOT NULL DEFAULT '{}',
    address_line_1                      text,
    address_line_2                      text,
    post_town                           text,
    county                              text,
    country                             text,
    postcode                            text,
    postcode_area                       text,
    region                              text,
    accounts_category                   text,
    accounts_next_due                   date,
    accounts_last_made_up               date,
    confirmation_statement_next_due     date,
    confirmation_statement_last_made_up date,
    -- The size the accounts category implies: an estimate, with its source.
    size_band                           text,
    employees_min                       integer,
    employees_max                       integer,
    turnover_max_gbp                    bigint,
    size_source                         text,
    -- From enrichment (and the websites and PSC imports).
    website                             text,
    description                         text,
    employee_count                      integer,
    employee_count_source               text,
    revenue_estimate_gbp                bigint,
    revenue_source                      text,
    social_links                        jsonb,
    tech_stack                          text[],
    officers_count                      integer,
    filing_count                        integer,
    psc_count                           integer,
    enrichment                          jsonb,
    enriched_at                         timestamptz,
    created_at                          timestamptz NOT NULL DEFAULT now(),
    updated_at                          timestamptz NOT NULL DEFAULT now()
);

-- A unique index rather than a constraint, so that the first import can build it after loading
-- (docs/catalogue.md); imports upsert on it.
CREATE UNIQUE INDEX companies_company_number ON companies (company_number);
-- Discovery filters by industry, place, status and size. The GIN index finds the industries; the
-- B-tree finds a region with a status and size band (or a region alone), and the postcode-area
-- index a town; the planner combines them. One B-tree for region, status and size band rather than
-- three: every index is built by a scan of the whole table on the first import.
CREATE INDEX companies_sic_codes ON companies USING gin (sic_codes);
CREATE INDEX companies_region_status_size ON companies (region, status, size_band);
CREATE INDEX companies_postcode_area ON companies (postcode_area);
-- Name search by the start of the name, as the register's own search: "NORTHWIND" finds
-- "NORTHWIND ANALYTICS LTD". (A word index would find any word, but takes three times as long to
-- build on the first import.)
CREATE INDEX companies_name_start ON companies (upper(name) text_pattern_ops);

-- The descriptions of the 5-digit SIC codes, learned from the snapshot's "NNNNN - description".
CREATE TABLE sic_codes (
    code        text PRIMARY KEY,
    description text NOT NULL
);

-- People with significant control, from the PSC snapshot. The snapshot may hold companies the
-- catalogue does not (yet): no foreign key, joined by company number.
CREATE TABLE company_pscs (
    psc_id             text PRIMARY KEY,
    company_number     text NOT NULL,
    kind               text NOT NULL,
    name               text,
    natures_of_control text[] NOT NULL DEFAULT '{}',
    notified_on        date,
    ceased_on          date,
    etag               text,
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX company_pscs_company ON company_pscs (company_number);
