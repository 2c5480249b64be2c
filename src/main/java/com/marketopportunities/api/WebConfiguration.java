package com.marketopportunities.api;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Access control and scan rate limits in front of the API. */
@Configuration
class WebConfiguration {

    @Bean
    ApiAccess apiAccess(ServiceProperties properties) {
        return new ApiAccess(properties.apiKeys(), properties.adminToken());
    }

    @Bean
    FilterRegistrationBean<AccessFilter> accessFilter(ApiAccess access, ServiceProperties properties) {
        FilterRegistrationBean<AccessFilter> registration = new FilterRegistrationBean<>(
                new AccessFilter(access, new ScanRateLimits(properties.scansPerMinute())));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
