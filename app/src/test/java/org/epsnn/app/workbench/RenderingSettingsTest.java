package org.epsnn.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RenderingSettingsTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(RenderingSettings.REGION_CACHING_OFF);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(RenderingSettings.REGION_CACHING_OFF);
        } else {
            System.setProperty(RenderingSettings.REGION_CACHING_OFF, before);
        }
    }

    @Test
    void turnsRegionCachingOffWhenUnset() {
        System.clearProperty(RenderingSettings.REGION_CACHING_OFF);

        RenderingSettings.apply();

        assertThat(System.getProperty(RenderingSettings.REGION_CACHING_OFF)).isEqualTo("true");
    }

    @Test
    void keepsTheUsersChoice() {
        System.setProperty(RenderingSettings.REGION_CACHING_OFF, "false");

        RenderingSettings.apply();

        assertThat(System.getProperty(RenderingSettings.REGION_CACHING_OFF)).isEqualTo("false");
    }
}
