package io.agentry.sample;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/**
 * Writes synthetic UK companies in the exact format of the Companies House Free Company Data
 * Product ({@code BasicCompanyData-….csv}): the official header line, leading spaces and all, then
 * one row of 55 double-quoted fields per company, dates as dd/mm/yyyy, lines ending in CRLF.
 *
 * <p>Every company is invented, and its number says so: {@code 90000000}–{@code 99999999} in
 * England and Wales, {@code SC9xxxxx} in Scotland, {@code NI9xxxxx} in Northern Ireland, and
 * {@code OC9xxxxx}, {@code SO9xxxxx}, {@code NC9xxxxx} for limited liability partnerships — ranges
 * no real company has reached, so synthetic rows can never be taken for, or collide with, real
 * ones. The England and Wales range holds ten million numbers, so a file has at most {@value
 * #MAX_ROWS} rows; past about 1.8 million rows the Scottish range is full, then the other prefixed
 * ones, and further companies register in England and Wales.
 *
 * <p>The output depends only on the seed and the number of rows: the same two give the same
 * bytes, and a file is the first rows of any longer file with the same seed. Companies are
 * written as they are made, so memory does not grow with the number of rows.
 */
public final class SyntheticCompanies {
    /** The header line of the real file, verbatim: several names have a leading space. */
    public static final String HEADER = "CompanyName, CompanyNumber,RegAddress.CareOf,RegAddress.POBox,"
            + "RegAddress.AddressLine1, RegAddress.AddressLine2,RegAddress.PostTown,RegAddress.County,"
            + "RegAddress.Country,RegAddress.PostCode,CompanyCategory,CompanyStatus,CountryOfOrigin,DissolutionDate,"
            + "IncorporationDate,Accounts.AccountRefDay,Accounts.AccountRefMonth,Accounts.NextDueDate,"
            + "Accounts.LastMadeUpDate,Accounts.AccountCategory,Returns.NextDueDate,Returns.LastMadeUpDate,"
            + "Mortgages.NumMortCharges,Mortgages.NumMortOutstanding,Mortgages.NumMortPartSatisfied,"
            + "Mortgages.NumMortSatisfied,SICCode.SicText_1,SICCode.SicText_2,SICCode.SicText_3,SICCode.SicText_4,"
            + "LimitedPartnerships.NumGenPartners,LimitedPartnerships.NumLimPartners,URI,PreviousName_1.CONDATE,"
            + " PreviousName_1.CompanyName, PreviousName_2.CONDATE, PreviousName_2.CompanyName,"
            + "PreviousName_3.CONDATE, PreviousName_3.CompanyName,PreviousName_4.CONDATE,"
            + " PreviousName_4.CompanyName,PreviousName_5.CONDATE, PreviousName_5.CompanyName,"
            + "PreviousName_6.CONDATE, PreviousName_6.CompanyName,PreviousName_7.CONDATE,"
            + " PreviousName_7.CompanyName,PreviousName_8.CONDATE, PreviousName_8.CompanyName,"
            + "PreviousName_9.CONDATE, PreviousName_9.CompanyName,PreviousName_10.CONDATE,"
            + " PreviousName_10.CompanyName,ConfStmtNextDueDate, ConfStmtLastMadeUpDate";

    /** The most rows one file can have: the size of the England and Wales range. */
    public static final int MAX_ROWS = CompanyNumbers.ENGLAND_AND_WALES_CAPACITY;

    /** The seed of the bundled sample, and the default of {@code agentry sample companies}. */
    public static final long SAMPLE_SEED = 20250601L;

    /** The number of companies in the bundled sample. */
    public static final int SAMPLE_ROWS = 3000;

    /** The bundled sample on the class path. */
    public static final String SAMPLE_RESOURCE = "/samples/companies/BasicCompanyData-synthetic-sample.csv";

    // The real file quotes every field of every row, empty ones too, but not the header's names.
    private static final QuoteStrategy QUOTE_ROWS_NOT_HEADER = new QuoteStrategy() {
        @Override
        public boolean quoteEmpty(int lineNo, int fieldIdx) {
            return lineNo > 1;
        }

        @Override
        public boolean quoteValue(int lineNo, int fieldIdx, String value) {
            return lineNo > 1;
        }
    };

    /** How many companies between two progress reports. */
    public static final int PROGRESS_EVERY = 1_000_000;

    private final long seed;

    public SyntheticCompanies(long seed) {
        this.seed = seed;
    }

    /** Writes the header and {@code rows} companies; flushes {@code out} but leaves it open. */
    public void write(Writer out, int rows) throws IOException {
        write(out, rows, written -> {});
    }

    /**
     * As {@link #write(Writer, int)}, telling {@code progress} how many companies are written every
     * {@value #PROGRESS_EVERY}, for long runs.
     */
    public void write(Writer out, int rows, IntConsumer progress) throws IOException {
        if (rows < 0 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("rows must be between 0 and " + MAX_ROWS + ", was " + rows);
        }
        CsvWriter csv = CsvWriter.builder()
                .quoteStrategy(QUOTE_ROWS_NOT_HEADER)
                .lineDelimiter(LineDelimiter.CRLF)
                .bufferSize(64 * 1024)
                .build(out);
        csv.writeRecord(HEADER.split(",", -1));
        CompanyGenerator companies = new CompanyGenerator(seed);
        for (int i = 0; i < rows; i++) {
            csv.writeRecord(CompanyRow.fields(companies.next()));
            if ((i + 1) % PROGRESS_EVERY == 0) {
                progress.accept(i + 1);
            }
        }
        csv.flush();
    }

    /** Writes the file in UTF-8, replacing it if it exists. */
    public void write(Path file, int rows) throws IOException {
        write(file, rows, written -> {});
    }

    /** Writes the file in UTF-8, replacing it if it exists, with progress as {@link #write(Writer, int, IntConsumer)}. */
    public void write(Path file, int rows, IntConsumer progress) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out, rows, progress);
        }
    }
}
