package io.agentry.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One synthetic company after another from one seeded random stream: the same seed gives the same
 * companies in the same order, and the first N companies do not depend on how many follow. Each
 * company's values agree with each other: its number with where it is registered and what it is,
 * its name's ending with its category, its filing dates with its incorporation and status.
 */
final class CompanyGenerator {
    /** The day the synthetic snapshot is taken, as if it were {@code BasicCompanyData-2025-06-01}. */
    static final LocalDate SNAPSHOT = LocalDate.of(2025, 6, 1);

    private static final Weighted<Status> STATUSES = Weighted.<Status>builder()
            .add(Status.ACTIVE, 9050)
            .add(Status.PROPOSAL_TO_STRIKE_OFF, 400)
            .add(Status.LIQUIDATION, 240)
            .add(Status.IN_ADMINISTRATION, 30)
            .add(Status.VOLUNTARY_ARRANGEMENT, 20)
            .add(Status.RECEIVER_MANAGER, 5)
            .add(Status.DISSOLVED, 255)
            .build();

    private final SplittableRandom random;
    private final CompanyNumbers numbers;

    CompanyGenerator(long seed) {
        this(seed, new CompanyNumbers());
    }

    CompanyGenerator(long seed, CompanyNumbers numbers) {
        this.random = new SplittableRandom(seed);
        this.numbers = numbers;
    }

    Company next() {
        SicCode primary = SicCodes.pick(random);
        Sector sector = primary.sector();
        Category category = CategoryMix.pick(sector, random);
        Place place = place(sector);
        boolean partnership = category == Category.PARTNERSHIP;
        String number = numbers.next(place.region().jurisdiction(), partnership);
        if (number == null && partnership) {
            category = Category.PRIVATE;
            number = numbers.next(place.region().jurisdiction(), false);
        }
        if (number == null) {
            // Past about 1.8 million companies the Scottish range is full (then the others): the
            // rest register in England and Wales, whose range holds ten million.
            place = Places.pickInEnglandOrWales(random);
            number = numbers.next(Jurisdiction.ENGLAND_AND_WALES, category == Category.PARTNERSHIP);
            if (number == null) {
                category = Category.PRIVATE;
                number = numbers.next(Jurisdiction.ENGLAND_AND_WALES, false);
            }
            if (number == null) {
                throw new IllegalStateException("the synthetic England and Wales range is used up");
            }
        }
        String name = Names.name(sector, category, place.town(), random);
        Company.Address address = Addresses.address(place, random);
        LocalDate incorporated = Incorporation.date(random);
        Company.Charges charges = Charges.of(sector, category, incorporated, random);
        Status status = status(incorporated, charges);
        LocalDate dissolved = status == Status.DISSOLVED ? dissolution(incorporated) : null;
        LocalDate asOf = dissolved == null ? SNAPSHOT : dissolved;
        boolean behind = status == Status.PROPOSAL_TO_STRIKE_OFF;
        Company.Accounts accounts = Filings.accounts(incorporated, asOf, category, sector, behind, random);
        Company.Statements statements = Filings.statements(incorporated, asOf, behind, random);
        List<SicCode> sicCodes = sicCodes(primary, incorporated);
        List<Company.PreviousName> previousNames = previousNames(sector, category, place, incorporated, asOf);
        return new Company(
                name,
                number,
                category,
                status,
                address,
                incorporated,
                dissolved,
                accounts,
                statements,
                charges,
                sector,
                sicCodes,
                previousNames);
    }

    /** Software and financial companies crowd into London more than the rest. */
    private Place place(Sector sector) {
        int londonPercent = sector == Sector.FINTECH ? 35 : sector == Sector.SOFTWARE ? 12 : 0;
        return random.nextInt(100) < londonPercent ? Places.pickInLondon(random) : Places.pick(random);
    }

    private Status status(LocalDate incorporated, Company.Charges charges) {
        Status status = STATUSES.pick(random);
        if (status != Status.ACTIVE && incorporated.isAfter(SNAPSHOT.minusYears(2))) {
            return Status.ACTIVE;
        }
        return status == Status.RECEIVER_MANAGER && charges.outstanding() == 0 ? Status.ACTIVE : status;
    }

    private LocalDate dissolution(LocalDate incorporated) {
        LocalDate earliest = incorporated.plusYears(1);
        LocalDate date = SNAPSHOT.minusDays(1 + random.nextInt(720));
        return date.isBefore(earliest) ? earliest : date;
    }

    /** One to four codes, mostly of the same sector; "None Supplied" for some older companies. */
    private List<SicCode> sicCodes(SicCode primary, LocalDate incorporated) {
        if (incorporated.getYear() < 2010 && random.nextInt(12) == 0) {
            return List.of();
        }
        if (primary.sector() == Sector.DORMANT) {
            return List.of(primary);
        }
        int roll = random.nextInt(100);
        int count = roll < 70 ? 1 : roll < 88 ? 2 : roll < 96 ? 3 : 4;
        List<SicCode> codes = new ArrayList<>(count);
        codes.add(primary);
        for (int attempt = 0; codes.size() < count && attempt < 8; attempt++) {
            SicCode code = random.nextInt(10) < 7 ? SicCodes.pick(primary.sector(), random) : SicCodes.pick(random);
            if (!codes.contains(code) && code.sector() != Sector.DORMANT) {
                codes.add(code);
            }
        }
        return codes;
    }

    /** Most recent first, as {@code PreviousName_1} is the name the company had last. */
    private List<Company.PreviousName> previousNames(
            Sector sector, Category category, Place place, LocalDate incorporated, LocalDate asOf) {
        int roll = random.nextInt(1000);
        int count = roll < 870 ? 0 : roll < 970 ? 1 : roll < 993 ? 2 : 3 + random.nextInt(2);
        long days = asOf.toEpochDay() - incorporated.toEpochDay();
        if (count == 0 || days < 30) {
            return List.of();
        }
        long[] changes = new long[count];
        for (int i = 0; i < count; i++) {
            changes[i] = incorporated.toEpochDay() + 1 + random.nextLong(days);
        }
        Arrays.sort(changes);
        List<Company.PreviousName> names = new ArrayList<>(count);
        for (int i = count - 1; i >= 0; i--) {
            names.add(new Company.PreviousName(
                    LocalDate.ofEpochDay(changes[i]), Names.previous(sector, category, place.town(), random)));
        }
        return names;
    }
}
