package com.marketopportunities.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.marketopportunities.exposure.ExposureTables;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in exposure tables, and a user's own with mistakes named by file, line and column. */
class ExposureFilesTest {

    @TempDir
    Path dir;

    @Test
    void theKnownFundTableHasEveryFundTheContractNamesWithItsSource() {
        ExposureTables tables = ExposureFiles.builtIn();

        for (String symbol : new String[] {"SPY", "IVV", "VOO", "VTI", "QQQ", "VT", "ACWI", "URTH", "IWDA.AS", "SWDA.L",
                "EUNL.DE", "VWCE.DE", "VWRL.L", "VGK", "IEUR", "EZU", "FEZ", "EWU", "EWG", "EWJ", "VPL", "EPP", "VWO",
                "EEM", "IEMG", "EIMI.L", "INDA", "EWZ", "XLK", "XLV", "XLF", "XLY", "XLC", "XLI", "XLP", "XLE", "XLU",
                "XLRE", "XLB"}) {
            assertThat(tables.knownFund(symbol)).as(symbol).hasValueSatisfying(fund -> {
                assertThat(fund.regions().values().stream().mapToDouble(Double::doubleValue).sum()).as(symbol)
                        .isBetween(0.999, 1.001);
                assertThat(fund.source()).as(symbol).isNotBlank();
            });
        }
        assertThat(tables.knownFund("xlk").orElseThrow().sectors()).containsExactly(entry("Technology", 1.0));
    }

    @Test
    void theCountryTableFollowsMscisClassification() {
        var countries = ExposureFiles.builtIn().countries();

        assertThat(countries.named("Poland").orElseThrow().region()).isEqualTo("Emerging Markets");
        assertThat(countries.named("Korea (South)").orElseThrow().region()).isEqualTo("Emerging Markets");
        assertThat(countries.named("Taiwan").orElseThrow().region()).isEqualTo("Emerging Markets");
        assertThat(countries.named("Israel").orElseThrow().region()).isEqualTo("Europe");
        assertThat(countries.named("switzerland").orElseThrow().region()).isEqualTo("Europe");
        assertThat(countries.ofIsin("CH0012032048").orElseThrow().name()).isEqualTo("Switzerland");
        assertThat(countries.ofIsin("XS1234567890")).isEmpty();
        assertThat(countries.ofListing("IFX.DE").orElseThrow().name()).isEqualTo("Germany");
        assertThat(countries.ofListing("AAPL")).isEmpty();
    }

    @Test
    void everyCategoryAddsUpToOne() {
        ExposureFiles.builtIn().fundCategories().forEach((category, regions) ->
                assertThat(regions.values().stream().mapToDouble(Double::doubleValue).sum()).as(category)
                        .isBetween(0.999, 1.001));
    }

    @Test
    void aWeightThatIsNotAFractionIsNamedWithItsLineAndColumn() throws Exception {
        Path file = dir.resolve("funds.csv");
        Files.writeString(file, "# my funds\nsymbol,exposure,bucket,weight,as_of,source\n"
                + "ABC,region,Europe,1,,mine\nXYZ,region,Europe,lots,,mine\n");

        assertThatThrownBy(() -> ExposureFiles.tables(file, null, null)).isInstanceOf(InvalidSettingsException.class)
                .hasMessage(file + ", line 4, column 'weight': 'lots' is not a fraction between 0 and 1");
    }

    @Test
    void aRegionThatIsNoRegionIsRefused() throws Exception {
        Path file = dir.resolve("countries.csv");
        Files.writeString(file, "country,iso,region,listings,aliases\nAtlantis,AT,Middle Earth,,\n");

        assertThatThrownBy(() -> ExposureFiles.tables(null, null, file)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("line 2, column 'region': 'Middle Earth' is not a region");
    }

    @Test
    void aTableWithoutItsColumnsSaysWhichAreExpected() throws Exception {
        Path file = dir.resolve("categories.csv");
        Files.writeString(file, "name,weight\nLarge Blend,1\n");

        assertThatThrownBy(() -> ExposureFiles.tables(null, file, null)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("no 'category' column; expected the columns category,region,weight,as_of,source");
    }
}
