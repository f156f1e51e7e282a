package io.gatehouse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds: no cycles, no reaching into another module's internals. Also draws the diagram. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(Gatehouse.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	/**
	 * The access model is layered over what every module may use (shared types, the cache): the rule at the bottom,
	 * the catalog and roles on it, the resource tree and its bindings on those, groups on top. A dependency against
	 * that order would let the rule reach into what it rules.
	 */
	@Test
	void accessModelModulesDependOnlyDownwards() {
		Map<String, Set<String>> allowed = Map.of(
				"access", Set.of("shared", "cache"),
				"roles", Set.of("shared", "cache", "access"),
				"resources", Set.of("shared", "cache", "access", "roles"),
				"groups", Set.of("shared", "cache", "access", "roles", "resources"));
		for (String name : List.of("access", "roles", "resources", "groups")) {
			ApplicationModule module = modules.getModuleByName(name).orElseThrow(() -> new AssertionError(name));
			Set<String> used = module.getDirectDependencies(modules)
				.uniqueModules()
				.map(target -> target.getIdentifier().toString())
				.collect(Collectors.toSet());
			used.removeAll(allowed.get(name));
			if (!used.isEmpty()) {
				throw new AssertionError(name + " must not depend on " + used);
			}
		}
	}

	@Test
	void writesTheModuleDiagram() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
