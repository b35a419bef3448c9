//! The pipeline: stages that each read a document and add one layer to it, in a fixed order.
//!
//! Each stage declares the layers it needs and the layer it adds, and a pipeline that asks
//! for a stage without what it needs is refused when it is built, naming both.

use crate::clean::{clean, CleanerConfig};
use crate::document::{Document, Layer};
use crate::segment::segment;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// One step of the pipeline.
pub trait Stage: Send + Sync {
    /// The stage's name, as given to `--stages`.
    fn name(&self) -> &'static str;
    /// Layers that must be present before this stage runs.
    fn requires(&self) -> &'static [Layer];
    /// The layer this stage adds.
    fn assigns(&self) -> Layer;
    /// Adds the stage's layer to the document.
    fn process(&self, doc: &mut Document);
}

/// Removes publisher boilerplate; see [`crate::clean`].
#[derive(Clone, Debug, Default)]
pub struct CleanStage {
    /// The cleaner's thresholds.
    pub config: CleanerConfig,
}

impl Stage for CleanStage {
    fn name(&self) -> &'static str {
        "clean"
    }
    fn requires(&self) -> &'static [Layer] {
        &[]
    }
    fn assigns(&self) -> Layer {
        Layer::Clean
    }
    fn process(&self, doc: &mut Document) {
        clean(doc, &self.config);
    }
}

/// Splits paragraphs, sentences and tokens; see [`crate::segment`].
#[derive(Clone, Copy, Debug, Default)]
pub struct SegmentStage;

impl Stage for SegmentStage {
    fn name(&self) -> &'static str {
        "segment"
    }
    fn requires(&self) -> &'static [Layer] {
        &[]
    }
    fn assigns(&self) -> Layer {
        Layer::Segment
    }
    fn process(&self, doc: &mut Document) {
        segment(doc);
    }
}

/// Why a pipeline could not be built.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum PipelineError {
    /// A stage name that no stage has.
    #[error("unknown stage {name:?}; the stages are: {available}")]
    UnknownStage {
        /// The name asked for.
        name: String,
        /// The names there are, comma-separated.
        available: String,
    },
    /// A stage asked for without a stage that adds what it needs.
    #[error("stage {stage:?} needs the {layer:?} layer, which no earlier stage adds; add the stage that does, or drop {stage:?}")]
    MissingLayer {
        /// The stage that cannot run.
        stage: &'static str,
        /// The layer it lacks.
        layer: &'static str,
    },
}

/// An ordered set of stages.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
    /// Nanoseconds spent in each stage, summed over documents and threads, once
    /// [`Pipeline::time_stages`] has turned the clock on.
    spent: Option<Vec<AtomicU64>>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.stage_names()).finish()
    }
}

impl Default for Pipeline {
    fn default() -> Pipeline {
        Pipeline::new(all_stages()).expect("the built-in stages are consistent")
    }
}

/// Every built-in stage, in pipeline order.
pub fn all_stages() -> Vec<Box<dyn Stage>> {
    vec![Box::new(CleanStage::default()), Box::new(SegmentStage)]
}

impl Pipeline {
    /// A pipeline of `stages`, run in the given order; refused when a stage lacks a layer.
    pub fn new(stages: Vec<Box<dyn Stage>>) -> Result<Pipeline, PipelineError> {
        let mut present: Vec<Layer> = Vec::new();
        for stage in &stages {
            if let Some(&missing) = stage.requires().iter().find(|l| !present.contains(l)) {
                return Err(PipelineError::MissingLayer {
                    stage: stage.name(),
                    layer: missing.name(),
                });
            }
            present.push(stage.assigns());
        }
        Ok(Pipeline {
            stages,
            spent: None,
        })
    }

    /// The built-in stages whose names are listed, in pipeline order (not list order).
    pub fn with_stage_names(names: &[&str]) -> Result<Pipeline, PipelineError> {
        Pipeline::select(all_stages(), names)
    }

    /// The stages of `all` whose names are listed, in the order of `all`, together with the
    /// stages they need ("tag" brings in "segment").
    pub fn select(all: Vec<Box<dyn Stage>>, names: &[&str]) -> Result<Pipeline, PipelineError> {
        let available = all.iter().map(|s| s.name()).collect::<Vec<_>>().join(", ");
        for name in names {
            if !all.iter().any(|s| s.name() == *name) {
                return Err(PipelineError::UnknownStage {
                    name: name.to_string(),
                    available,
                });
            }
        }
        // Walk backwards: a chosen stage makes the stages that add its layers chosen too.
        let mut chosen = vec![false; all.len()];
        let mut needed: Vec<Layer> = Vec::new();
        for (i, stage) in all.iter().enumerate().rev() {
            if names.contains(&stage.name()) || needed.contains(&stage.assigns()) {
                chosen[i] = true;
                needed.extend_from_slice(stage.requires());
            }
        }
        Pipeline::new(
            all.into_iter()
                .zip(chosen)
                .filter_map(|(s, c)| c.then_some(s))
                .collect(),
        )
    }

    /// The stages' names, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Runs every stage over the document, except those whose layer the document already
    /// has (CoNLL-U input arrives segmented, and perhaps tagged and parsed by another tool).
    pub fn run(&self, doc: &mut Document) {
        for (i, stage) in self.stages.iter().enumerate() {
            if doc.has_layer(stage.assigns()) {
                continue;
            }
            match &self.spent {
                Some(spent) => {
                    let start = Instant::now();
                    stage.process(doc);
                    let ns = start.elapsed().as_nanos().min(u64::MAX as u128) as u64;
                    spent[i].fetch_add(ns, Ordering::Relaxed);
                }
                None => stage.process(doc),
            }
            doc.layers.push(stage.assigns());
        }
    }

    /// From now on, counts the time each stage takes (across threads): for finding where a
    /// run's time goes; see [`Pipeline::stage_times`].
    pub fn time_stages(&mut self) {
        self.spent = Some(self.stages.iter().map(|_| AtomicU64::new(0)).collect());
    }

    /// Each stage's name and the time it has taken since [`Pipeline::time_stages`], in
    /// pipeline order; empty when the pipeline is not timed.
    pub fn stage_times(&self) -> Vec<(&'static str, Duration)> {
        let Some(spent) = &self.spent else {
            return Vec::new();
        };
        self.stages
            .iter()
            .zip(spent)
            .map(|(s, ns)| (s.name(), Duration::from_nanos(ns.load(Ordering::Relaxed))))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct NeedsSegment;
    impl Stage for NeedsSegment {
        fn name(&self) -> &'static str {
            "needs-segment"
        }
        fn requires(&self) -> &'static [Layer] {
            &[Layer::Segment]
        }
        fn assigns(&self) -> Layer {
            Layer::Clean
        }
        fn process(&self, _: &mut Document) {}
    }

    #[test]
    fn a_timed_pipeline_reports_every_stage_in_order() {
        let mut pipeline = Pipeline::with_stage_names(&["clean", "segment"]).unwrap();
        assert!(pipeline.stage_times().is_empty());
        pipeline.time_stages();
        let mut doc = Document::new("t1", "One sentence here. And a second one.");
        pipeline.run(&mut doc);
        let names: Vec<&str> = pipeline.stage_times().iter().map(|t| t.0).collect();
        assert_eq!(names, ["clean", "segment"]);
        assert!(!doc.sentences.is_empty());
    }

    #[test]
    fn pipeline_refuses_missing_layer() {
        let err = Pipeline::new(vec![Box::new(NeedsSegment)]).unwrap_err();
        assert_eq!(
            err,
            PipelineError::MissingLayer {
                stage: "needs-segment",
                layer: "segment"
            }
        );
        assert!(Pipeline::new(vec![Box::new(SegmentStage), Box::new(NeedsSegment)]).is_ok());
    }

    #[test]
    fn pipeline_unknown_stage_lists_the_known_ones() {
        let err = Pipeline::with_stage_names(&["segmnt"]).unwrap_err();
        assert!(err.to_string().contains("clean, segment"), "{err}");
    }

    #[test]
    fn pipeline_records_layers_in_order() {
        let mut doc = Document::new("d", "A short text. Another sentence.");
        Pipeline::default().run(&mut doc);
        assert_eq!(doc.layers, [Layer::Clean, Layer::Segment]);
        assert_eq!(doc.sentences.len(), 2);
        let mut only = Document::new("d", "A short text.");
        Pipeline::with_stage_names(&["segment"])
            .unwrap()
            .run(&mut only);
        assert_eq!(only.layers, [Layer::Segment]);
    }
}
