// The app's sounds on Web Audio (page.hpp, play_notes): one oscillator per run of notes of a voice,
// gliding from note to note (frequency and pan ramp linearly), each through a gain envelope that
// fades in and out over 10 ms so no run starts or stops with a crack. Nothing is downloaded.
#include <emscripten.h>

#include <vector>

#include "page.hpp"

namespace bp::page {

namespace {

// `notes` holds five numbers per note: start, duration, frequency, pan, voice (0 pure, 1 buzzy, 2 click).
// The context is made on the first call, from a click or a key press (browsers start audio only after
// the reader touched the page), and kept in Module.bpAudio with the nodes still to play.
EM_JS(void, js_play_notes, (const double* notes, int count), {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) return;
  const audio = Module.bpAudio || (Module.bpAudio = { context: new Context(), playing: [] });
  const context = audio.context;
  if (context.state === "suspended") context.resume();
  for (const node of audio.playing) {
    try { node.stop(); } catch (error) { /* not started yet or already stopped */ }
  }
  audio.playing = [];
  const t0 = context.currentTime + 0.05;
  const fade = 0.01;
  const levels = [0.25, 0.1, 0.3];  // a sawtooth sounds louder than a sine of the same amplitude
  const voice = (oscillator, gain, pan, at, level) => {
    const panner = context.createStereoPanner ? context.createStereoPanner() : null;
    oscillator.connect(gain);
    if (panner) {
      panner.pan.setValueAtTime(pan, at);
      gain.connect(panner);
      panner.connect(context.destination);
    } else {
      gain.connect(context.destination);
    }
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(level, at + fade);
    oscillator.start(at);
    audio.playing.push(oscillator);
    return panner;
  };
  let run = null;  // { oscillator, gain, panner, kind, end }
  const close = () => {
    if (!run) return;
    const end = t0 + run.end;
    run.gain.gain.setValueAtTime(levels[run.kind], Math.max(end - fade, t0));
    run.gain.gain.linearRampToValueAtTime(0, end);
    run.oscillator.stop(end + 0.01);
    run = null;
  };
  const at = notes >> 3;
  for (let i = 0; i < count; i++) {
    const start = HEAPF64[at + 5 * i], duration = HEAPF64[at + 5 * i + 1];
    const frequency = HEAPF64[at + 5 * i + 2], pan = HEAPF64[at + 5 * i + 3], kind = HEAPF64[at + 5 * i + 4];
    if (kind === 2) {  // a click: a short high blip that decays at once
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = "triangle";
      oscillator.frequency.setValueAtTime(1800, t0 + start);
      voice(oscillator, gain, pan, t0 + start, levels[2]);
      gain.gain.exponentialRampToValueAtTime(0.001, t0 + start + 0.04);
      oscillator.stop(t0 + start + 0.05);
      continue;
    }
    if (run && run.kind === kind && Math.abs(run.end - start) < 1e-6) {  // glide on
      run.oscillator.frequency.linearRampToValueAtTime(frequency, t0 + start);
      if (run.panner) run.panner.pan.linearRampToValueAtTime(pan, t0 + start);
      run.end = start + duration;
      continue;
    }
    close();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = kind === 1 ? "sawtooth" : "sine";
    oscillator.frequency.setValueAtTime(frequency, t0 + start);
    const panner = voice(oscillator, gain, pan, t0 + start, levels[kind]);
    run = { oscillator, gain, panner, kind, end: start + duration };
  }
  close();
});

}  // namespace

void play_notes(const std::vector<Note>& notes) {
  std::vector<double> flat;
  flat.reserve(notes.size() * 5);
  for (const Note& note : notes) {
    flat.insert(flat.end(), {note.start, note.duration, note.frequency, note.pan, static_cast<double>(note.voice)});
  }
  js_play_notes(flat.data(), static_cast<int>(notes.size()));
}

}  // namespace bp::page
