package com.marketopportunities.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Binds a record of query parameters, each component from the parameter its {@link BindParam} names,
 * converted as Spring MVC converts a parameter ({@code @DateTimeFormat} honoured, an empty value is
 * none). What Spring's data binder does for such a record, with the record's constructor and its
 * components' types read once: the binder read the constructor's annotations again on every request,
 * a sixth of a warm scan's time. A value that cannot be converted fails as any mistyped parameter
 * does ({@link MethodArgumentTypeMismatchException}, named as the API spells it).
 */
final class QueryRecordResolver implements HandlerMethodArgumentResolver {

    private final Class<? extends Record> type;
    private final Constructor<? extends Record> constructor;
    private final List<Component> components;
    private final ConversionService conversions;

    QueryRecordResolver(Class<? extends Record> type, ConversionService conversions) {
        this.type = type;
        this.conversions = conversions;
        RecordComponent[] recordComponents = type.getRecordComponents();
        try {
            this.constructor = type.getDeclaredConstructor(Arrays.stream(recordComponents)
                    .map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record has its canonical constructor: " + type, e);
        }
        constructor.setAccessible(true);
        this.components = IntStream.range(0, recordComponents.length)
                .mapToObj(index -> component(new MethodParameter(constructor, index))).toList();
    }

    private static Component component(MethodParameter parameter) {
        BindParam name = parameter.getParameterAnnotation(BindParam.class);
        if (name == null) {
            throw new IllegalStateException(parameter + " needs @BindParam: the query parameter it is read from");
        }
        return new Component(name.value(), new TypeDescriptor(parameter), parameter);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == type;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        Object[] values = new Object[components.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = components.get(i).read(request, conversions);
        }
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    /** One record component: its query parameter's name, and the type (with annotations) it is converted to. */
    private record Component(String name, TypeDescriptor target, MethodParameter parameter) {
        private static final TypeDescriptor TEXT = TypeDescriptor.valueOf(String.class);

        Object read(NativeWebRequest request, ConversionService conversions) {
            String value = request.getParameter(name);
            if (value == null) {
                return null;
            }
            try {
                return conversions.convert(value, TEXT, target);
            } catch (ConversionException e) {
                throw new MethodArgumentTypeMismatchException(value, target.getType(), name, parameter, e);
            }
        }
    }
}
