package io.agentry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package dependencies of STYLE.md: features use db and support; web and cli use features. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.agentry");
    }

    @Test
    void features_never_depend_on_the_cli_or_the_web_layer() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.agentry.cli..", "io.agentry.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.agentry.cli..", "io.agentry.web..")
                .check(classes);
    }

    @Test
    void support_depends_on_no_other_agentry_package() {
        noClasses()
                .that()
                .resideInAPackage("io.agentry.support..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.agentry.db..",
                        "io.agentry.queue..",
                        "io.agentry.runner..",
                        "io.agentry.agent..",
                        "io.agentry.bench..",
                        "io.agentry.cli..")
                .check(classes);
    }

    @Test
    void db_depends_only_on_support() {
        noClasses()
                .that()
                .resideInAPackage("io.agentry.db..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.agentry.queue..", "io.agentry.runner..", "io.agentry.agent..", "io.agentry.bench..")
                .check(classes);
    }

    @Test
    void the_queue_knows_nothing_of_runners_or_agents() {
        noClasses()
                .that()
                .resideInAPackage("io.agentry.queue..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.agentry.runner..",
                        "io.agentry.agent..",
                        "io.agentry.bench..",
                        "io.agentry.workflow..",
                        "io.agentry.schedule..")
                .check(classes);
    }

    @Test
    void workflows_reach_the_queue_not_the_runner_or_the_agents() {
        noClasses()
                .that()
                .resideInAnyPackage("io.agentry.workflow..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.agentry.runner..", "io.agentry.agent..", "io.agentry.agents..", "io.agentry.bench..")
                .check(classes);
    }

    @Test
    void the_agent_spi_does_not_depend_on_the_runner() {
        noClasses()
                .that()
                .resideInAPackage("io.agentry.agent..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.agentry.runner..", "io.agentry.queue..", "io.agentry.bench..")
                .check(classes);
    }

    @Test
    void only_the_bench_and_the_cli_use_the_bench() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.agentry.bench..", "io.agentry.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.agentry.bench..")
                .check(classes);
    }

    @Test
    void the_catalogue_and_its_sources_know_nothing_of_the_engine() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.agentry.company..",
                        "io.agentry.companieshouse..",
                        "io.agentry.website..",
                        "io.agentry.sample..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.agentry.queue..", "io.agentry.runner..", "io.agentry.agent..", "io.agentry.bench..")
                .check(classes);
    }

    @Test
    void the_outside_sources_depend_on_no_database() {
        noClasses()
                .that()
                .resideInAnyPackage("io.agentry.companieshouse..", "io.agentry.website..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.agentry.db..")
                .check(classes);
    }

    @Test
    void the_agent_spi_knows_no_feature_built_on_it() {
        noClasses()
                .that()
                .resideInAPackage("io.agentry.agent")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.agentry.agents..",
                        "io.agentry.stream..",
                        "io.agentry.company..",
                        "io.agentry.org..",
                        "io.agentry.signal..",
                        "io.agentry.enrichment..",
                        "io.agentry.discovery..",
                        "io.agentry.scoring..")
                .check(classes);
    }

    @Test
    void the_features_agents_use_know_nothing_of_the_runner_the_queue_or_the_built_in_agents() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.agentry.stream..",
                        "io.agentry.org..",
                        "io.agentry.signal..",
                        "io.agentry.enrichment..",
                        "io.agentry.discovery..",
                        "io.agentry.scoring..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.agentry.runner..", "io.agentry.queue..", "io.agentry.agents..", "io.agentry.bench..")
                .check(classes);
    }

    @Test
    void only_the_cli_and_the_bench_pick_the_built_in_agents() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.agentry.agents..", "io.agentry.cli..", "io.agentry.bench..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.agentry.agents..")
                .check(classes);
    }
}
