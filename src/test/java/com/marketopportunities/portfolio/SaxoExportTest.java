package com.marketopportunities.portfolio;

import static com.marketopportunities.portfolio.PortfolioReading.position;
import static com.marketopportunities.portfolio.PortfolioReading.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SaxoExportTest {

    @Test
    void fallsBackToTheExposureColumnWhenThereIsNoValueColumn() {
        PortfolioImport imported = read("exposure.csv", """
                Instruments,Statut,Quantité,Exposition (USD),Symbole
                Microsoft Corp.,Ouvert,10,"2 502,00",MSFT:xnas
                """);

        assertThat(imported.format()).isEqualTo(PortfolioFormat.SAXO);
        assertThat(imported.portfolio().baseCurrency()).isEqualTo("USD");
        assertThat(position(imported, "MSFT").marketValue()).isEqualTo(2502.0);
    }

    @Test
    void prefersTheValueColumnToTheExposureColumn() {
        PortfolioImport imported = read("both.csv", """
                Instruments,Statut,Exposition (EUR),Valeur actuelle (EUR),Symbole
                Microsoft Corp.,Ouvert,999,"2 382,86",MSFT:xnas
                """);

        assertThat(position(imported, "MSFT").marketValue()).isEqualTo(2382.86);
    }

    @Test
    void decidesTheSeparatorsOfAnEnglishExportFromTheWholeColumnNotFromItsLanguage() {
        PortfolioImport imported = read("export.csv", """
                Instrument,Status,Quantity,Market Value (USD),Symbol
                Coca-Cola,Open,1000,"63,470.00",KO:xnys
                Microsoft,Open,10,"2,502",MSFT:xnas
                """);

        assertThat(position(imported, "MSFT").marketValue()).isEqualTo(2502.0);
        assertThatThrownBy(() -> read("export.csv", """
                Instrument,Status,Quantity,Market Value (USD),Symbol
                Coca-Cola,Open,"1,000","63,470.00",KO:xnys
                """))
                .isInstanceOfSatisfying(PortfolioFormatException.class, error -> {
                    assertThat(error.line()).isEqualTo(2);
                    assertThat(error.column()).isEqualTo("Quantity");
                });
    }

    @Test
    void matchesHeadersWhateverTheirCaseAccentsAndPunctuation() {
        PortfolioImport imported = read("shouting.csv", """
                INSTRUMENTS;STATUT;QUANTITE;PRIX_ENTREE;"VALEUR
                ACTUELLE (eur)";SYMBOLE;TYPE D ACTIF
                Coca-Cola;Ouvert;10;58,2;604,52;KO:xnys;Actions
                """);

        Position cocaCola = position(imported, "KO");
        assertThat(imported.portfolio().baseCurrency()).isEqualTo("EUR");
        assertThat(cocaCola.entryPrice()).isEqualTo(58.2);
        assertThat(cocaCola.marketValue()).isEqualTo(604.52);
        assertThat(cocaCola.assetType()).isEqualTo("Actions");
        assertThat(cocaCola.sourceLine()).isEqualTo(3);
    }

    @Test
    void usesTheCostPriceWhenThereIsNoEntryPrice() {
        PortfolioImport imported = read("cost.csv", """
                Instruments,Statut,Prix revient,Valeur actuelle (EUR),Symbole
                Coca-Cola,Ouvert,"55,10",604.52,KO:xnys
                """);

        assertThat(position(imported, "KO").entryPrice()).isEqualTo(55.10);
    }

    @Test
    void reportsANegativeValueAsAProblem() {
        PortfolioImport imported = read("negative.csv", """
                Instruments,Statut,Valeur actuelle (EUR),Symbole
                Coca-Cola,Ouvert,604.52,KO:xnys
                Chevron,Ouvert,-1681.52,CVX:xnys
                """);

        assertThat(imported.skippedRows()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo("Valeur actuelle (EUR)");
            assertThat(problem.message()).startsWith("'-1681.52' is negative");
        });
    }

    @Test
    void refusesAnExportWithoutValueColumnNamingWhatItFound() {
        assertThatThrownBy(() -> read("novalue.csv", """
                Instruments,Statut,Quantité,Symbole
                Coca-Cola,Ouvert,10,KO:xnys
                """, PortfolioFormat.SAXO))
                .isInstanceOf(PortfolioFormatException.class)
                .hasMessage("novalue.csv, line 1: no value column; expected a Saxo position export with 'Symbole'"
                        + " (or 'Symbol') and 'Valeur actuelle (EUR)' (or 'Market Value (EUR)', 'Exposition (EUR)'),"
                        + " found: Instruments, Statut, Quantité, Symbole");
    }
}
