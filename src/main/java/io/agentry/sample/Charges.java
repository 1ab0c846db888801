package io.agentry.sample;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Mortgage charges: most companies have none; landlords, builders, publicans and PLCs borrow
 * against their property more often, and older companies have had time to pay some off.
 */
final class Charges {
    private Charges() {}

    static Company.Charges of(Sector sector, Category category, LocalDate incorporated, SplittableRandom random) {
        int percent = switch (sector) {
            case PROPERTY, HOSPITALITY -> 30;
            case CONSTRUCTION, TRANSPORT, HOLDING -> 18;
            default -> 7;
        };
        if (category == Category.PUBLIC) {
            percent += 30;
        }
        if (random.nextInt(100) >= percent) {
            return Company.Charges.NONE;
        }
        int total = 1;
        while (total < 40 && random.nextInt(3) == 0) {
            total += 1 + random.nextInt(3);
        }
        int years = CompanyGenerator.SNAPSHOT.getYear() - incorporated.getYear();
        int satisfied = years < 3 ? 0 : random.nextInt(total + 1);
        int partSatisfied = satisfied < total && random.nextInt(25) == 0 ? 1 : 0;
        return new Company.Charges(total, total - satisfied - partSatisfied, partSatisfied, satisfied);
    }
}
