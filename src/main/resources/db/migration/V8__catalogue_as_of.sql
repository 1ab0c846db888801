-- The day the catalogue's registry data describes: the latest "made up to" date of a confirmation
-- statement or accounts among the companies imported. A snapshot is a picture of the register on
-- one day; whether a company's filings are overdue is judged as of that day, not today, so that a
-- catalogue imported months ago does not call every company late (docs/catalogue.md).
CREATE TABLE catalogue_snapshot (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    data_as_of date NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
