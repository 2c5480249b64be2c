package com.marketopportunities.api;

import com.marketopportunities.json.JsonFormat;
import java.net.InetAddress;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The API's JSON, access control and scan rate limits, and where the service listens. */
@Configuration
class WebConfiguration {

    @Bean
    ApiAccess apiAccess(ServiceProperties properties) {
        return new ApiAccess(properties.apiKeys(), properties.adminToken());
    }

    /** The HTTP bodies in the product's one JSON format, as the command line prints them. */
    @Bean
    JsonMapperBuilderCustomizer productJson() {
        return JsonFormat::configure;
    }

    /** The scan's query parameters, bound with their record read once ({@link QueryRecordResolver}). */
    @Bean
    WebMvcConfigurer scanQueryParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new QueryRecordResolver(OpportunitiesController.Query.class,
                        ApplicationConversionService.getSharedInstance()));
            }
        };
    }

    /**
     * Without API keys anyone who reaches the port may scan, so the service listens on loopback
     * only: decided from the same access rules the filter enforces, never from the environment.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableWebServerFactory> loopbackWithoutKeys(ApiAccess access) {
        return factory -> {
            if (!access.keysConfigured()) {
                factory.setAddress(InetAddress.getLoopbackAddress());
            }
        };
    }

    @Bean
    FilterRegistrationBean<AccessFilter> accessFilter(ApiAccess access, ServiceProperties properties) {
        FilterRegistrationBean<AccessFilter> registration = new FilterRegistrationBean<>(
                new AccessFilter(access, new ScanRateLimits(properties.upstreamCallsPerMinute())));
        registration.addUrlPatterns("/api/*", "/actuator", "/actuator/*", "/v3/api-docs", "/v3/api-docs/*");
        return registration;
    }

    /** Tomcat's own refusals (oversized request line or header) in problem+json, not its HTML page. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonFromTomcat() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // present before the host starts, so Tomcat does not add its HTML one
                host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
                host.getPipeline().addValve(new ProblemJsonErrorReportValve());
            }
        });
    }

    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders() {
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.addUrlPatterns("/*");
        registration.setOrder(Integer.MIN_VALUE);
        return registration;
    }
}
