package io.agentry.sample;

/** {@code CompanyStatus}. */
enum Status {
    ACTIVE("Active"),
    PROPOSAL_TO_STRIKE_OFF("Active - Proposal to Strike off"),
    LIQUIDATION("Liquidation"),
    IN_ADMINISTRATION("In Administration"),
    VOLUNTARY_ARRANGEMENT("Voluntary Arrangement"),
    RECEIVER_MANAGER("Live but Receiver Manager on at least one charge"),
    DISSOLVED("Dissolved");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
