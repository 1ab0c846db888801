package io.agentry.company;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Snapshot files in the published format, for tests: the verbatim header, every field quoted. */
final class SnapshotFile {
    static final String HEADER =
            "CompanyName, CompanyNumber,RegAddress.CareOf,RegAddress.POBox,RegAddress.AddressLine1,"
                    + " RegAddress.AddressLine2,RegAddress.PostTown,RegAddress.County,RegAddress.Country,RegAddress.PostCode,"
                    + "CompanyCategory,CompanyStatus,CountryOfOrigin,DissolutionDate,IncorporationDate,Accounts.AccountRefDay,"
                    + "Accounts.AccountRefMonth,Accounts.NextDueDate,Accounts.LastMadeUpDate,Accounts.AccountCategory,"
                    + "Returns.NextDueDate,Returns.LastMadeUpDate,Mortgages.NumMortCharges,Mortgages.NumMortOutstanding,"
                    + "Mortgages.NumMortPartSatisfied,Mortgages.NumMortSatisfied,SICCode.SicText_1,SICCode.SicText_2,"
                    + "SICCode.SicText_3,SICCode.SicText_4,LimitedPartnerships.NumGenPartners,"
                    + "LimitedPartnerships.NumLimPartners,URI,PreviousName_1.CONDATE, PreviousName_1.CompanyName,"
                    + " PreviousName_2.CONDATE, PreviousName_2.CompanyName,PreviousName_3.CONDATE, PreviousName_3.CompanyName,"
                    + "PreviousName_4.CONDATE, PreviousName_4.CompanyName,PreviousName_5.CONDATE, PreviousName_5.CompanyName,"
                    + "PreviousName_6.CONDATE, PreviousName_6.CompanyName,PreviousName_7.CONDATE, PreviousName_7.CompanyName,"
                    + "PreviousName_8.CONDATE, PreviousName_8.CompanyName,PreviousName_9.CONDATE, PreviousName_9.CompanyName,"
                    + "PreviousName_10.CONDATE, PreviousName_10.CompanyName,ConfStmtNextDueDate, ConfStmtLastMadeUpDate";

    /** The data line of companies-house.md, verbatim. */
    static final String OBAC = "\"!OBAC UK LIMITED\",\"07687209\",\"\",\"\",\"UNIT 9   BERRY COURT FARM BRAMLEY ROAD\","
            + "\"LITTLE LONDON\",\"TADLEY\",\"HAMPSHIRE\",\"\",\"RG26 5AT\",\"Private Limited Company\",\"Active\","
            + "\"United Kingdom\",\"\",\"29/06/2011\",\"29\",\"12\",\"29/09/2022\",\"31/12/2020\",\"TOTAL EXEMPTION FULL\","
            + "\"27/07/2017\",\"29/06/2016\",\"1\",\"0\",\"0\",\"1\","
            + "\"70229 - Management consultancy activities other than financial management\",\"\",\"\",\"\",\"0\",\"0\","
            + "\"http://business.data.gov.uk/id/company/07687209\",\"15/07/2011\",\"!OBAC FITTINGS LIMITED\","
            + "\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"13/07/2022\",\"29/06/2021\"";

    static final int WIDTH = HEADER.split(",").length;

    private SnapshotFile() {}

    /** A company line; fields not given are empty, as in the real file. */
    static Line aCompany(String number, String name) {
        return new Line().set(1, number).set(0, name).set(11, "Active").set(10, "Private Limited Company");
    }

    static Path write(Path file, String... lines) throws IOException {
        List<String> all = new ArrayList<>(List.of(HEADER));
        all.addAll(List.of(lines));
        return Files.writeString(file, String.join("\r\n", all) + "\r\n");
    }

    static Path zip(Path zip, String entry, String... lines) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream zipped = new ZipOutputStream(out)) {
            zipped.putNextEntry(new ZipEntry(entry));
            List<String> all = new ArrayList<>(List.of(HEADER));
            all.addAll(List.of(lines));
            zipped.write((String.join("\r\n", all) + "\r\n").getBytes(StandardCharsets.UTF_8));
            zipped.closeEntry();
        }
        return zip;
    }

    static final class Line {
        private final String[] fields = new String[WIDTH];

        private Line() {
            Arrays.fill(fields, "");
        }

        Line set(int index, String value) {
            fields[index] = value;
            return this;
        }

        Line postcode(String postcode) {
            return set(9, postcode);
        }

        Line town(String town) {
            return set(6, town);
        }

        Line status(String status) {
            return set(11, status);
        }

        Line incorporated(String date) {
            return set(14, date);
        }

        Line accounts(String category) {
            return set(19, category);
        }

        Line sic(String... texts) {
            for (int i = 0; i < texts.length; i++) {
                set(26 + i, texts[i]);
            }
            return this;
        }

        @Override
        public String toString() {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < fields.length; i++) {
                line.append(i == 0 ? "" : ",")
                        .append('"')
                        .append(fields[i].replace("\"", "\"\""))
                        .append('"');
            }
            return line.toString();
        }
    }
}
