package com.marketopportunities.testredis;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a started {@link RealRedis} to any test, constructor or lifecycle method that declares one as a parameter,
 * and closes it when that method's scope ends: a test method gets its own server, a {@code @BeforeAll} method one
 * that lives for the whole class.
 *
 * <pre>{@code
 * @ExtendWith(RealRedisExtension.class)
 * class ScoreCacheRedisTest {
 *     @Test
 *     void survivesACrash(RealRedis redis) { ... redis.stop(); ... }
 * }
 * }</pre>
 */
public final class RealRedisExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealRedisExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RealRedis.class;
    }

    @Override
    public RealRedis resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RealRedis redis = RealRedis.start();
        // The store closes AutoCloseable values when the scope that asked for them ends.
        context.getStore(NAMESPACE).put(parameter.getDeclaringExecutable().toString() + "#" + parameter.getIndex(), redis);
        return redis;
    }
}
