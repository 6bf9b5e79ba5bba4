/** The eco-map draws with the one legend every view shares (shared/legend/legend.ts). */
export * from '../legend/legend.ts'
