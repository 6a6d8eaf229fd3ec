// Linked with --js-library. Emscripten's glGetIntegerv becomes WebGL's getParameter, and Chromium answers
// some names (the scissor box, the blend functions and equations) only after the GPU process has run
// every command before it. ImGui's OpenGL3 backend reads them once per frame to restore them afterwards,
// so each frame waited for the previous one's rasterisation: 350 ms a frame under a software renderer,
// training at 3 frames/s. This state is kept here as the gl* calls set it, and read from here.
mergeInto(LibraryManager.library, {
  // The tracked state of the current context, created with WebGL's initial values (a lost and restored
  // context is a new GLctx, so it starts again from those).
  $bpGlState: function () {
    if (!GLctx.bpState) {
      GLctx.bpState = {
        0x0C10: [0, 0, GLctx.drawingBufferWidth, GLctx.drawingBufferHeight],  // SCISSOR_BOX
        0x80C9: [1], 0x80CB: [1], 0x80C8: [0], 0x80CA: [0],  // BLEND_SRC/DST_RGB/ALPHA: ONE, ZERO
        0x8009: [0x8006], 0x883D: [0x8006],                   // BLEND_EQUATION_RGB/ALPHA: FUNC_ADD
      };
    }
    return GLctx.bpState;
  },
  glScissor__sig: 'viiii',
  glScissor__deps: ['$bpGlState'],
  glScissor: function (x, y, width, height) {
    bpGlState()[0x0C10] = [x, y, width, height];
    GLctx.scissor(x, y, width, height);
  },
  glBlendFunc__sig: 'vii',
  glBlendFunc__deps: ['$bpGlState'],
  glBlendFunc: function (src, dst) {
    var s = bpGlState();
    s[0x80C9] = s[0x80CB] = [src];
    s[0x80C8] = s[0x80CA] = [dst];
    GLctx.blendFunc(src, dst);
  },
  glBlendFuncSeparate__sig: 'viiii',
  glBlendFuncSeparate__deps: ['$bpGlState'],
  glBlendFuncSeparate: function (srcRgb, dstRgb, srcAlpha, dstAlpha) {
    var s = bpGlState();
    s[0x80C9] = [srcRgb], s[0x80C8] = [dstRgb], s[0x80CB] = [srcAlpha], s[0x80CA] = [dstAlpha];
    GLctx.blendFuncSeparate(srcRgb, dstRgb, srcAlpha, dstAlpha);
  },
  glBlendEquation__sig: 'vi',
  glBlendEquation__deps: ['$bpGlState'],
  glBlendEquation: function (mode) {
    var s = bpGlState();
    s[0x8009] = s[0x883D] = [mode];
    GLctx.blendEquation(mode);
  },
  glBlendEquationSeparate__sig: 'vii',
  glBlendEquationSeparate__deps: ['$bpGlState'],
  glBlendEquationSeparate: function (rgb, alpha) {
    var s = bpGlState();
    s[0x8009] = [rgb], s[0x883D] = [alpha];
    GLctx.blendEquationSeparate(rgb, alpha);
  },
  glGetIntegerv__sig: 'vii',
  glGetIntegerv__deps: ['$emscriptenWebGLGet', '$bpGlState'],
  glGetIntegerv: function (name, p) {
    var value = p && GLctx && bpGlState()[name];
    if (value) {
      for (var i = 0; i < value.length; ++i) HEAP32[(p >> 2) + i] = value[i];
      return;
    }
    emscriptenWebGLGet(name, p, {{{ cDefine('EM_FUNC_SIG_PARAM_I') }}});
  },
});
