import { builtinBrandColors } from '../brand-colors'
import type { Integration, IntegrationDefinition } from '../define'
import { deriveIntegration } from '../derive'

/**
 * @internal One built-in catalog entry. The same shape as `defineIntegration`, checked by the
 * tests rather than when the module loads; its colour comes from {@link builtinBrandColors},
 * which the id must be a key of. (Here, beside the entries, so that only the catalog's own
 * file imports the colours and the derivation together: a shared file doing it would make
 * bundlers emit an import kept only for evaluation order, which they warn about.)
 */
export const defineBuiltInIntegration = (
  definition: Omit<IntegrationDefinition, 'color'> & { id: keyof typeof builtinBrandColors },
): Integration => deriveIntegration({ ...definition, color: builtinBrandColors[definition.id] })
