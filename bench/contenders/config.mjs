// The contenders' shared constructor check: the same configuration errors from every peer.
export function checkConfig({ layers, activation, outputActivation, weights }, activations) {
  if (!activations[activation]) throw new Error(`unknown hidden activation ${activation}`);
  if (!activations[outputActivation]) throw new Error(`unknown output activation ${outputActivation}`);
  if (weights.length !== layers.length - 1) throw new Error('need one { W, b } per layer');
  weights.forEach(({ W, b }, l) => {
    const nIn = layers[l], nOut = layers[l + 1];
    if (W.length !== nOut * nIn || b.length !== nOut) throw new Error(`layer ${l}: W must be ${nOut}x${nIn}, b ${nOut}`);
  });
}
