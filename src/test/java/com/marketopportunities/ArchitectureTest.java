package com.marketopportunities;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;

import com.marketopportunities.scoring.ScoreScale;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Arrows point down (STYLE.md): the program -> the doors ({@code cli}, {@code api}) -> the wiring
 * ({@code config}) -> {@code scan} -> the domain -> the infrastructure contracts (market data,
 * shared store, JSON, daily returns). Each rule names what it forbids, so a wrong-way import fails
 * with the class that made it.
 */
class ArchitectureTest {

    static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.marketopportunities");
    }

    @Test
    void layersOnlyLookDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Program").definedBy("com.marketopportunities")
                .layer("Doors").definedBy("com.marketopportunities.cli..", "com.marketopportunities.api..")
                .layer("Wiring").definedBy("com.marketopportunities.config..")
                .layer("Scan").definedBy("com.marketopportunities.scan..")
                .layer("Domain").definedBy("com.marketopportunities.portfolio..", "com.marketopportunities.sectors..", "com.marketopportunities.scoring..", "com.marketopportunities.rebalance..",
                        "com.marketopportunities.scorecache..", "com.marketopportunities.currency..",
                        "com.marketopportunities.exposure..", "com.marketopportunities.plan..")
                .layer("Infrastructure").definedBy("com.marketopportunities.marketdata..", "com.marketopportunities.store..",
                        "com.marketopportunities.json..", "com.marketopportunities.returns..", "com.marketopportunities.text..")
                .whereLayer("Program").mayNotBeAccessedByAnyLayer()
                .whereLayer("Doors").mayOnlyBeAccessedByLayers("Program")
                .whereLayer("Wiring").mayOnlyBeAccessedByLayers("Doors")
                .whereLayer("Scan").mayOnlyBeAccessedByLayers("Doors", "Wiring")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Doors", "Wiring", "Scan")
                .check(production);
    }

    @Test
    void noPackageCycles() {
        slices().matching("com.marketopportunities.(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    void theTwoDoorsDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("com.marketopportunities.cli..").should().dependOnClassesThat().resideInAPackage("com.marketopportunities.api..")
                .check(production);
        noClasses().that().resideInAPackage("com.marketopportunities.api..").should().dependOnClassesThat().resideInAPackage("com.marketopportunities.cli..")
                .check(production);
    }

    @Test
    void marketDataKnowsNeitherTheScoreCacheNorTheWiring() {
        noClasses().that().resideInAPackage("com.marketopportunities.marketdata..").should().dependOnClassesThat()
                .resideInAnyPackage("com.marketopportunities.scorecache..", "com.marketopportunities.config..", "com.marketopportunities.scoring..").check(production);
    }

    @Test
    void theSharedStoreAndJsonAreBelowTheirUsers() {
        noClasses().that().resideInAnyPackage("com.marketopportunities.store..", "com.marketopportunities.json..",
                        "com.marketopportunities.text..")
                .should().dependOnClassesThat().resideInAnyPackage("com.marketopportunities.marketdata..",
                        "com.marketopportunities.returns..", "com.marketopportunities.scorecache..", "com.marketopportunities.config..", "com.marketopportunities.scoring..", "com.marketopportunities.scan..",
                        "com.marketopportunities.rebalance..", "com.marketopportunities.sectors..", "com.marketopportunities.portfolio..", "com.marketopportunities.cli..", "com.marketopportunities.api..")
                .check(production);
    }

    @Test
    void dailyReturnMathKnowsOnlyPriceHistories() {
        noClasses().that().resideInAPackage("com.marketopportunities.returns..").should().dependOnClassesThat()
                .resideInAnyPackage("com.marketopportunities.scoring..", "com.marketopportunities.scorecache..",
                        "com.marketopportunities.config..", "com.marketopportunities.scan..",
                        "com.marketopportunities.rebalance..", "com.marketopportunities.sectors..")
                .check(production);
    }

    @Test
    void rebalancingUsesReturnMathNotTheScorer() {
        // the sale score lives on the scores' 0-100 scale; nothing else of scoring is rebalancing's
        noClasses().that().resideInAPackage("com.marketopportunities.rebalance..").should().dependOnClassesThat(
                resideInAnyPackage("com.marketopportunities.scoring..", "com.marketopportunities.scorecache..").and(not(type(ScoreScale.class))))
                .check(production);
    }

    @Test
    void theExposureRulesSitBelowTheScanAndTheRebalance() {
        // EXPOSURE.md 2 in one package: it reads positions, market data and the taxonomy; the scan,
        // the rebalance and the scorer build on it, never the other way
        noClasses().that().resideInAPackage("com.marketopportunities.exposure..").should().dependOnClassesThat()
                .resideInAnyPackage("com.marketopportunities.scan..", "com.marketopportunities.rebalance..",
                        "com.marketopportunities.scoring..", "com.marketopportunities.scorecache..",
                        "com.marketopportunities.currency..", "com.marketopportunities.config..")
                .check(production);
    }

    @Test
    void theBuyPlanKnowsOnlyItsOwnNumbersAndTheSolver() {
        // PLAN.md: the plan takes buckets, candidates and amounts; it knows no market data, file, cache or door
        classes().that().resideInAPackage("com.marketopportunities.plan..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("com.marketopportunities.plan..", "java..", "org.ojalgo..")
                .check(production);
    }

    @Test
    void theDomainKnowsNoFrameworkOfTheDoors() {
        noClasses().that().resideInAnyPackage("com.marketopportunities.portfolio..", "com.marketopportunities.sectors..", "com.marketopportunities.scoring..", "com.marketopportunities.rebalance..",
                        "com.marketopportunities.scan..", "com.marketopportunities.returns..",
                        "com.marketopportunities.currency..", "com.marketopportunities.exposure..",
                        "com.marketopportunities.plan..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "picocli..",
                        "io.lettuce..", "jakarta.servlet..")
                .check(production);
    }
}
