package mcollective.testkit.fleet;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;

import mcollective.McollectiveException;

/**
 * The JUnit 5 extension behind {@link WithFleet}: starts the fleet an annotated class or method declares the first
 * time something asks for it (a test instance, a static field, a parameter), keeps it in that class's or method's
 * extension store, and lets JUnit close it when the class or method is done. Stateless; the fleets live in the stores.
 */
public final class FleetExtension implements TestInstancePostProcessor, BeforeAllCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(FleetExtension.class);
    private static final String METHOD_FLEET = "method fleet";

    /** Puts the class's fleet into the static fields of type {@link Fleet}. */
    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        if (AnnotationSupport.isAnnotated(type, WithFleet.class)) {
            inject(type, null, classFleet(context));
        }
    }

    /** Puts the fleet of the class (or an enclosing class) into the instance fields of type {@link Fleet}. */
    @Override
    public void postProcessTestInstance(Object instance, ExtensionContext context) {
        Optional<ExtensionContext> declaring = declaringClass(context);
        if (declaring.isPresent()) {
            inject(instance.getClass(), instance, classFleet(declaring.get()));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Fleet.class;
    }

    /** The method's fleet if it declares one, else its class's (or an enclosing class's). */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isPresent() && AnnotationSupport.isAnnotated(method.get(), WithFleet.class)) {
            return context.getStore(NAMESPACE)
                    .getOrComputeIfAbsent(METHOD_FLEET, key -> start(method.get()), Fleet.class);
        }
        return classFleet(declaringClass(context)
                .orElseThrow(() -> new ParameterResolutionException("No @WithFleet on "
                        + parameter.getDeclaringExecutable() + ", its class or an enclosing class")));
    }

    /** The nearest context, from {@code context} up, of a test class that declares a fleet. */
    private static Optional<ExtensionContext> declaringClass(ExtensionContext context) {
        for (Optional<ExtensionContext> at = Optional.of(context);
                at.isPresent();
                at = at.get().getParent()) {
            Optional<AnnotatedElement> element = at.get().getElement();
            if (element.isPresent()
                    && element.get() instanceof Class<?>
                    && AnnotationSupport.isAnnotated(element.get(), WithFleet.class)) {
                return at;
            }
        }
        return Optional.empty();
    }

    private static Fleet classFleet(ExtensionContext classContext) {
        Class<?> type = classContext.getRequiredTestClass();
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(type, key -> start(type), Fleet.class);
    }

    private static Fleet start(AnnotatedElement element) {
        WithFleet declared = AnnotationSupport.findAnnotation(element, WithFleet.class)
                .orElseThrow(() -> new McollectiveException("No @WithFleet on " + element));
        Fleet.Builder fleet = Fleet.builder()
                .broker(declared.broker())
                .brokerSettings(ReflectionSupport.newInstance(declared.brokerSettings()))
                .collectives(declared.collectives())
                .psk(declared.psk())
                .security(ReflectionSupport.newInstance(declared.security()));
        ReflectionSupport.newInstance(declared.plan()).nodes().forEach(fleet::node);
        for (FleetNode node : declared.nodes()) {
            fleet.node(NodeSpec.of(node));
        }
        for (int i = 1; i <= declared.javaNodes(); i++) {
            fleet.node(NodeSpec.java("java" + i + ".example.net"));
        }
        for (int i = 1; i <= declared.rubyNodes(); i++) {
            fleet.node(NodeSpec.ruby("ruby" + i + ".example.net"));
        }
        return fleet.start();
    }

    private static void inject(Class<?> type, Object instance, Fleet fleet) {
        boolean statics = instance == null;
        for (Field field : ReflectionSupport.findFields(
                type,
                f -> f.getType() == Fleet.class
                        && !Modifier.isFinal(f.getModifiers())
                        && ModifierSupport.isStatic(f) == statics,
                HierarchyTraversalMode.TOP_DOWN)) {
            try {
                field.setAccessible(true);
                field.set(instance, fleet);
            } catch (IllegalAccessException e) {
                throw new McollectiveException("Cannot set " + field + " to the fleet", e);
            }
        }
    }
}
